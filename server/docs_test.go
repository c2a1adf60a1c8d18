package server_test

import (
	"os"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/server"
)

// TestDocsExamples runs every GraphQL example of docs/api.md against the
// seed, so that the documentation cannot drift from the schema or the
// default limits.
func TestDocsExamples(t *testing.T) {
	b, err := os.ReadFile("../docs/api.md")
	if err != nil {
		t.Fatal(err)
	}
	var examples []string
	for i, part := range strings.Split(string(b), "```graphql\n")[1:] {
		end := strings.Index(part, "```")
		if end < 0 {
			t.Fatalf("example %d is not closed", i)
		}
		examples = append(examples, part[:end])
	}
	if len(examples) < 3 {
		t.Fatalf("found %d examples in docs/api.md, want at least 3", len(examples))
	}
	a := newAPI(t, newStore(t), server.Options{})
	for i, q := range examples {
		vars := map[string]any{}
		if strings.Contains(q, "$id") {
			vars["id"] = summitArticle
		}
		r := a.query(t, q, vars)
		if len(r.Errors) > 0 || r.status != 200 {
			t.Errorf("example %d failed: %s\n%s", i, r.body, q)
		}
		if string(r.Data) == "null" || len(r.Data) == 0 {
			t.Errorf("example %d answered no data", i)
		}
	}
}

// TestSchemaIsDocumented checks, through introspection as GraphiQL sees
// it, that every type, field, argument, input field and enum value of the
// schema has a description: they are the API's documentation.
func TestSchemaIsDocumented(t *testing.T) {
	a := newAPI(t, newStore(t), server.Options{})
	type described struct{ Name, Description string }
	var data struct {
		Schema struct {
			Types []struct {
				Kind, Name, Description string
				Fields                  []struct {
					Name, Description string
					Args              []described
				}
				InputFields []described
				EnumValues  []described
			}
		} `json:"__schema"`
	}
	a.mustQuery(t, `{ __schema { types {
	  kind name description
	  fields { name description args { name description } }
	  inputFields { name description }
	  enumValues { name description }
	} } }`, nil, &data)

	builtin := map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}
	checked := 0
	for _, typ := range data.Schema.Types {
		if strings.HasPrefix(typ.Name, "__") || builtin[typ.Name] {
			continue
		}
		checked++
		if strings.TrimSpace(typ.Description) == "" {
			t.Errorf("type %s has no description", typ.Name)
		}
		for _, f := range typ.Fields {
			if strings.TrimSpace(f.Description) == "" {
				t.Errorf("field %s.%s has no description", typ.Name, f.Name)
			}
			for _, arg := range f.Args {
				if strings.TrimSpace(arg.Description) == "" {
					t.Errorf("argument %s.%s(%s) has no description", typ.Name, f.Name, arg.Name)
				}
			}
		}
		for _, f := range typ.InputFields {
			if strings.TrimSpace(f.Description) == "" {
				t.Errorf("input field %s.%s has no description", typ.Name, f.Name)
			}
		}
		for _, v := range typ.EnumValues {
			if strings.TrimSpace(v.Description) == "" {
				t.Errorf("enum value %s.%s has no description", typ.Name, v.Name)
			}
		}
	}
	if checked < 30 {
		t.Errorf("checked %d types, want the whole schema", checked)
	}
}
