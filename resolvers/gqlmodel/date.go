package gqlmodel

import (
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/diplograph/diplograph"
)

// dateLayout is the only form a Date takes, in and out.
const dateLayout = "2006-01-02"

// MarshalDate writes the Date scalar. Domain types keep dates as ISO
// strings and leave them empty when unknown; an empty date is null.
func MarshalDate(s string) graphql.Marshaler {
	if s == "" {
		return graphql.Null
	}
	return graphql.MarshalString(s)
}

// UnmarshalDate reads the Date scalar: a string YYYY-MM-DD naming a real
// day. Anything else is the client's mistake, an EINVALID error.
func UnmarshalDate(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", diplograph.Errorf(diplograph.EINVALID, "a Date must be a string YYYY-MM-DD, not %T", v)
	}
	if _, err := time.Parse(dateLayout, s); err != nil {
		return "", diplograph.Errorf(diplograph.EINVALID, "%s is not a date YYYY-MM-DD", strconv.Quote(s))
	}
	return s, nil
}
