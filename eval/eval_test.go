package eval

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
)

// fixed is an extractor that returns a prepared extraction.
type fixed struct{ x *diplograph.Extraction }

func (f fixed) Extract(context.Context, *diplograph.Article) (*diplograph.Extraction, error) {
	return f.x, nil
}

func TestGoldScoring(t *testing.T) {
	gold, err := ReadGold(strings.NewReader(strings.ReplaceAll(`{"article":"a1","published":"2025-02-04",
"entities":[{"type":"COUNTRY","name":"Japan"},{"type":"TERRITORY","name":"Dokdo"},{"type":"PERSON","name":"Nobody"}],
"relations":[{"type":"CLAIMS","subject":"Japan","object":"Dokdo"},{"type":"ALLIED_WITH","subject":"Japan","object":"United States"}],
"events":[{"type":"SUMMIT","status":"PLANNED","start":"2025-02-07","end":"2025-02-07","precision":"DAY","participants":["Japan"]},
          {"type":"VISIT","status":"OCCURRED","participants":["Japan"]}],
"comments":[{"author":"a","stance":"SUPPORT"},{"author":"b","stance":"OPPOSE"}]}`, "\n", "") + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	x := &diplograph.Extraction{
		Entities: []diplograph.Entity{
			{ID: "Q17", Type: diplograph.Country, Name: "Japan"},
			{ID: "Q30", Type: diplograph.Country, Name: "United States"},
			{ID: "territory:liancourt-rocks", Type: diplograph.Territory, Name: "Liancourt Rocks"},
		},
		Relations: []diplograph.Relation{
			{Type: diplograph.Claims, Subject: "Q17", Object: "territory:liancourt-rocks"},
			{Type: diplograph.AlliedWith, Subject: "Q30", Object: "Q17"},
			{Type: diplograph.PartOf, Subject: "Q17", Object: "Q30"}, // not annotated by the gold: ignored
		},
		Events: []diplograph.Event{
			{Type: diplograph.Summit, Status: diplograph.Planned, TimeSpan: diplograph.TimeSpan{Start: "2025-02-07", End: "2025-02-07", Precision: diplograph.Day},
				Participants: []diplograph.Participant{{Entity: "Q17", Role: diplograph.RoleParticipant}}},
			{Type: diplograph.Statement, Status: diplograph.Occurred, Participants: []diplograph.Participant{{Entity: "Q17"}}},
		},
		Comments: []diplograph.Comment{{Stance: diplograph.StanceSupport}, {Stance: diplograph.StanceSupport}},
	}
	resolve := NameResolver(map[string]string{"Japan": "Q17", "United States": "Q30", "Dokdo": "territory:liancourt-rocks",
		"Liancourt Rocks": "territory:liancourt-rocks"})
	r, err := Gold(context.Background(), fixed{x}, gold, func(GoldArticle) *diplograph.Article { return &diplograph.Article{} }, resolve)
	if err != nil {
		t.Fatal(err)
	}
	if (r.Entities != Counts{TP: 2, FP: 1, FN: 1}) {
		t.Errorf("entities %+v", r.Entities)
	}
	if (r.Relations != Counts{TP: 2}) {
		t.Errorf("relations %+v", r.Relations)
	}
	if (r.Events != Counts{TP: 1, FP: 1, FN: 1}) {
		t.Errorf("events %+v", r.Events)
	}
	if (r.Status != Accuracy{1, 1}) || (r.Time != Accuracy{1, 1}) || (r.Stance != Accuracy{1, 2}) {
		t.Errorf("status %+v time %+v stance %+v", r.Status, r.Time, r.Stance)
	}
	if got := r.Entities.F1(); got < 0.66 || got > 0.67 {
		t.Errorf("entity F1 %.3f", got)
	}
	var b strings.Builder
	r.Write(&b, true)
	if !strings.Contains(b.String(), "F1 0.667") || !strings.Contains(b.String(), "Nobody") {
		t.Errorf("report:\n%s", b.String())
	}
}

// TestEventMatching checks which extracted event a gold event matches:
// people stand for the countries they hold office in, on either side,
// and a shared location matches when no participant is shared.
func TestEventMatching(t *testing.T) {
	resolve := NameResolver(map[string]string{"Japan": "Q17", "Philippines": "Q928", "Tokyo": "Q1490",
		"Shigeru Ishiba": "Q1", "Ferdinand Marcos Jr.": "Q2"})
	ents := []diplograph.Entity{
		{ID: "Q17", Type: diplograph.Country, Name: "Japan"}, {ID: "Q928", Type: diplograph.Country, Name: "Philippines"},
		{ID: "Q1490", Type: diplograph.Place, Name: "Tokyo"}, {ID: "Q1", Type: diplograph.Person, Name: "Shigeru Ishiba"},
		{ID: "Q2", Type: diplograph.Person, Name: "Ferdinand Marcos Jr."}, {ID: "Q3", Type: diplograph.Country, Name: "Elsewhere"},
	}
	ishibaPM := diplograph.Relation{Type: diplograph.HoldsOffice, Subject: "Q1", Object: "Q17"}
	meeting := func(loc string, ids ...string) diplograph.Event {
		e := diplograph.Event{Type: diplograph.Meeting, Status: diplograph.Occurred, Location: loc}
		for _, id := range ids {
			e.Participants = append(e.Participants, diplograph.Participant{Entity: id})
		}
		return e
	}
	planned := func(e diplograph.Event) diplograph.Event { e.Status = diplograph.Planned; return e }
	dated := func(e diplograph.Event, start string) diplograph.Event { e.Start = start; return e }
	tests := []struct {
		name       string
		gold       string // the gold article's relations and events
		rels       []diplograph.Relation
		events     []diplograph.Event
		wantEvents Counts
		// wantStatus, when set, says which extracted events the gold
		// events took: matched ones with the gold status.
		wantStatus Accuracy
	}{
		{name: "same participant", gold: `"events":[{"type":"MEETING","status":"OCCURRED","participants":["Japan"]}]`,
			events: []diplograph.Event{meeting("", "Q17")}, wantEvents: Counts{TP: 1}},
		{name: "extracted leader for gold country", gold: `"events":[{"type":"MEETING","status":"OCCURRED","participants":["Japan"]}]`,
			rels: []diplograph.Relation{ishibaPM}, events: []diplograph.Event{meeting("", "Q1")}, wantEvents: Counts{TP: 1}},
		{name: "leader without an office", gold: `"events":[{"type":"MEETING","status":"OCCURRED","participants":["Japan"]}]`,
			events: []diplograph.Event{meeting("", "Q1")}, wantEvents: Counts{FP: 1, FN: 1}},
		{name: "gold leader for extracted country", gold: `"relations":[{"type":"HOLDS_OFFICE","subject":"Ferdinand Marcos Jr.","object":"Philippines"}],
			"events":[{"type":"MEETING","status":"OCCURRED","participants":["Ferdinand Marcos Jr."]}]`,
			events: []diplograph.Event{meeting("", "Q928")}, wantEvents: Counts{TP: 1}},
		{name: "shared location only", gold: `"events":[{"type":"MEETING","status":"OCCURRED","participants":["Philippines"],"location":"Tokyo"}]`,
			events: []diplograph.Event{meeting("Q1490", "Q3")}, wantEvents: Counts{TP: 1}},
		{name: "another type", gold: `"events":[{"type":"VISIT","status":"OCCURRED","participants":["Japan"]}]`,
			events: []diplograph.Event{meeting("", "Q17")}, wantEvents: Counts{FP: 1, FN: 1}},
		{name: "participants outweigh location", gold: `"events":[{"type":"MEETING","status":"OCCURRED","participants":["Japan"],"location":"Tokyo"},
			{"type":"MEETING","status":"PLANNED","participants":["Philippines"],"location":"Tokyo"}]`,
			events:     []diplograph.Event{planned(meeting("Q1490", "Q928")), meeting("Q1490", "Q17")},
			wantEvents: Counts{TP: 2}, wantStatus: Accuracy{2, 2}},
		// The person's own gold event takes the event, not the one of the
		// country the person stands for, whichever the gold lists first.
		{name: "person before country", gold: `"events":[{"type":"MEETING","status":"PLANNED","participants":["Japan"]},
			{"type":"MEETING","status":"OCCURRED","participants":["Shigeru Ishiba"]}]`,
			rels: []diplograph.Relation{ishibaPM}, events: []diplograph.Event{meeting("", "Q1")},
			wantEvents: Counts{TP: 1, FN: 1}, wantStatus: Accuracy{1, 1}},
		// Two alike candidates go to the gold events of their own dates.
		{name: "same date preferred", gold: `"events":[{"type":"MEETING","status":"OCCURRED","start":"2025-01-01","participants":["Japan"]},
			{"type":"MEETING","status":"PLANNED","start":"2025-03-01","participants":["Japan"]}]`,
			events:     []diplograph.Event{planned(dated(meeting("", "Q17"), "2025-03-01")), dated(meeting("", "Q17"), "2025-01-01")},
			wantEvents: Counts{TP: 2}, wantStatus: Accuracy{2, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gold, err := ReadGold(strings.NewReader(strings.ReplaceAll(`{"article":"a1",`+tt.gold+`}`, "\n", "") + "\n"))
			if err != nil {
				t.Fatal(err)
			}
			x := &diplograph.Extraction{Entities: ents, Relations: tt.rels, Events: tt.events}
			r, err := Gold(t.Context(), fixed{x}, gold, func(GoldArticle) *diplograph.Article { return &diplograph.Article{} }, resolve)
			if err != nil {
				t.Fatal(err)
			}
			if r.Events != tt.wantEvents {
				t.Errorf("events %+v, want %+v", r.Events, tt.wantEvents)
			}
			if tt.wantStatus != (Accuracy{}) && r.Status != tt.wantStatus {
				t.Errorf("status %+v, want %+v: the gold events took the wrong extracted ones", r.Status, tt.wantStatus)
			}
		})
	}
}

func TestRuneToByte(t *testing.T) {
	s := "Vučić met Kurti"
	at := runeToByte(s)
	if got := s[at(10):at(15)]; got != "Kurti" {
		t.Errorf("got %q", got)
	}
}

func TestCountsEmpty(t *testing.T) {
	var c Counts
	if c.Precision() != 0 || c.Recall() != 0 || c.F1() != 0 {
		t.Error("empty counts should score 0")
	}
}

func TestCoding(t *testing.T) {
	recs, err := ReadCoded(strings.NewReader(
		`{"id":"a","sentence":"x","scheme":"PLOVER-0.5b1","diplomatic":true,"category":"DISAPPROVE","expected":[{"code":"DISAPPROVE"}]}` + "\n" +
			`{"id":"b","sentence":"x","scheme":"PLOVER-0.5b1","diplomatic":true,"category":"AGREE","expected":[{"code":"AGREE"}]}` + "\n" +
			`{"id":"c","sentence":"x","scheme":"CAMEO","diplomatic":false,"no_events_expected":true}` + "\n" +
			`{"id":"d","sentence":"x","scheme":"CAMEO","diplomatic":true,"origin":"github.com/o/petrarch2 @1 x","expected":[{"code":"040","cameo_root":"04"}]}` + "\n" +
			`{"id":"e","sentence":"x","scheme":"CAMEO","diplomatic":true,"origin":"github.com/o/petrarch2 @1 x","expected":[{"code":"111","cameo_root":"11"},{"code":"222","cameo_root":null}]}` + "\n" +
			`{"id":"f","sentence":"x","scheme":"CAMEO","diplomatic":false,"expected":[{"code":"190","cameo_root":"19"}]}` + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	x := fixed{&diplograph.Extraction{Events: []diplograph.Event{{Type: diplograph.Accusation, Plover: "ACCUSE", Cameo: "11"}}}}
	r, err := Coding(context.Background(), x, recs)
	if err != nil {
		t.Fatal(err)
	}
	// a: ACCUSE counts for the older DISAPPROVE; b: no AGREE; c: an event
	// where none is expected; d: no CAMEO 04; e: CAMEO 11 found, the
	// uncoded expectation ignored; f: not diplomatic, not scored.
	if (r.Category != Accuracy{1, 2}) || (r.NoEvents != Accuracy{0, 1}) || (r.Cameo != Accuracy{1, 2}) || len(r.Misses) != 3 {
		t.Errorf("category %+v, no-events %+v, cameo %+v, misses %v", r.Category, r.NoEvents, r.Cameo, r.Misses)
	}
	if s := r.CameoBySuite["petrarch2"]; s == nil || (*s != Accuracy{1, 2}) {
		t.Errorf("by suite %v", r.CameoBySuite)
	}
	var b strings.Builder
	r.Write(&b, false)
	if !strings.Contains(b.String(), "CAMEO root accuracy        0.500") || !strings.Contains(b.String(), "petrarch2 1/2") {
		t.Errorf("report:\n%s", b.String())
	}
}

func TestReadActors(t *testing.T) {
	recs, err := ReadActors(strings.NewReader(`{"source":"test dictionary","codes":{
		"ARN":["ARNOR","ARNORIAN"],"GON":["GONDOR","MINAS TIRITH"],"GONGOV":["GONDOR GOVERNMENT"],
		"JPN":["JAPAN"],"XYZ":["JAPAN"],"MOR":["BARAD-DUR"]}}`), func(n string) bool { return n == "Japan" })
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range recs {
		got[r.ID] = fmt.Sprintf("%s %s %v %v", r.Type, r.Name, r.Aliases, r.Demonyms)
		if r.Source == "" {
			t.Errorf("%s has no source", r.ID)
		}
	}
	want := map[string]string{
		"country:arnor":                  "COUNTRY Arnor [] [Arnorian]",
		"country:gondor":                 "COUNTRY Gondor [Minas Tirith] []",
		"organization:gondor-government": "ORGANIZATION Gondor Government [] []",
		"country:barad-dur":              "COUNTRY Barad-Dur [] []",
	}
	if len(got) != len(want) {
		t.Errorf("records %v", got)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s = %q, want %q", id, got[id], w)
		}
	}
	if _, err := ReadActors(strings.NewReader("{"), func(string) bool { return false }); err == nil {
		t.Error("bad JSON read without error")
	}
}
