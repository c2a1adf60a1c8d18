package kb

import (
	"testing"
	"testing/fstest"

	"github.com/diplograph/diplograph"
)

func TestEmbeddedDataValidates(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Records()) == 0 {
		t.Fatal("no records")
	}
	for _, id := range []string{"Q17", "Q30", "Q148"} {
		if _, ok := k.Get(id); !ok {
			t.Errorf("missing %s", id)
		}
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"bad id", `[{"id":"Japan","type":"COUNTRY","name":"Japan","source":"x"}]`},
		{"unknown type", `[{"id":"Q1","type":"PLANET","name":"Earth","source":"x"}]`},
		{"no source", `[{"id":"Q1","type":"COUNTRY","name":"A"}]`},
		{"dangling capital", `[{"id":"Q1","type":"COUNTRY","name":"A","capital":"Q2","source":"x"}]`},
		{"capital not a place", `[{"id":"Q1","type":"COUNTRY","name":"A","capital":"Q1","source":"x"}]`},
		{"bad office date", `[{"id":"Q1","type":"COUNTRY","name":"A","source":"x"},{"id":"Q2","type":"PERSON","name":"B","source":"x","offices":[{"title":"President","of":"Q1","since":"2020"}]}]`},
		{"unknown field", `[{"id":"Q1","type":"COUNTRY","name":"A","source":"x","colour":"red"}]`},
		{"duplicate id", `[{"id":"Q1","type":"COUNTRY","name":"A","source":"x"},{"id":"Q1","type":"COUNTRY","name":"B","source":"x"}]`},
		{"padded alias", `[{"id":"Q1","type":"COUNTRY","name":"A","aliases":[" A "],"source":"x"}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"d/x.json": {Data: []byte(tt.data)}}
			if _, err := LoadFS(fsys, "d"); err == nil {
				t.Fatal("LoadFS accepted invalid data")
			}
		})
	}
}

func TestSlug(t *testing.T) {
	tests := []struct {
		typ  diplograph.EntityType
		name string
		want string
	}{
		{diplograph.Person, "Jane Doe", "person:jane-doe"},
		{diplograph.Person, "Recep Tayyip Erdoğan", "person:recep-tayyip-erdogan"},
		{diplograph.Place, "Taiwan Strait", "place:taiwan-strait"},
		{diplograph.Organization, "  ", "organization:x"},
		{diplograph.Treaty, "Japan-U.S. Security Treaty", "treaty:japan-u-s-security-treaty"},
	}
	for _, tt := range tests {
		if got := Slug(tt.typ, tt.name); got != tt.want {
			t.Errorf("Slug(%s, %q) = %q, want %q", tt.typ, tt.name, got, tt.want)
		}
	}
}

func TestOfficeHeldOn(t *testing.T) {
	o := Office{Title: "President", Of: "Q30", Since: "2017-01-20", Until: "2021-01-20"}
	for day, want := range map[string]bool{"2017-01-20": true, "2021-01-19": true, "2021-01-20": false, "2016-12-31": false, "": false} {
		if got := o.HeldOn(day); got != want {
			t.Errorf("HeldOn(%q) = %v, want %v", day, got, want)
		}
	}
}

func TestLoadWith(t *testing.T) {
	tests := []struct {
		name    string
		extra   []Record
		wantErr bool
	}{
		{"new record", []Record{{ID: "country:arnor", Type: diplograph.Country, Name: "Arnor", Source: "test"}}, false},
		{"id taken by the data", []Record{{ID: "Q17", Type: diplograph.Country, Name: "Japan", Source: "test"}}, true},
		{"invalid record", []Record{{ID: "country:gondor", Type: diplograph.Country, Name: "Gondor"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := LoadWith(tt.extra...)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if _, ok := k.Get("Q17"); !ok {
				t.Error("embedded data missing")
			}
			if r, ok := k.Get(tt.extra[0].ID); !ok || r.Name != tt.extra[0].Name {
				t.Errorf("extra record = %v, %v", r, ok)
			}
		})
	}
	// The embedded data is untouched for the next loader.
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := k.Get("country:arnor"); ok {
		t.Error("extra record leaked into Load")
	}
}
