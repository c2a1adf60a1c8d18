package resolvers

import (
	"context"
	"encoding/json"
	"math"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/diplograph/diplograph"
)

// connectionComplexity makes every connection field cost its selection
// once per item it may return, so that a complexity limit bounds the work
// a query asks for: 20 events with their participants cost about 20 times
// one. Other fields keep gqlgen's costs (1 plus their selection).
type connectionComplexity struct {
	graphql.ExecutableSchema
}

// Complexity implements graphql.ExecutableSchema.
func (s connectionComplexity) Complexity(ctx context.Context, typeName, field string, childComplexity int, args map[string]any) (int, bool) {
	if def := s.Schema().Types[typeName]; def != nil {
		if f := def.Fields.ForName(field); f != nil && strings.HasSuffix(f.Type.Name(), "Connection") {
			return mulCost(childComplexity, pageCost(args["first"])), true
		}
	}
	return s.ExecutableSchema.Complexity(ctx, typeName, field, childComplexity, args)
}

// mulCost is 1 + child×n, saturating rather than overflowing: nested
// connections multiply, and a wrapped-around cost would slip under the
// limit.
func mulCost(child, n int) int {
	if child > 0 && n > (math.MaxInt-1)/child {
		return math.MaxInt
	}
	return 1 + child*n
}

// pageCost is how many items a connection's first argument may return, as
// the store will cap it.
func pageCost(first any) int {
	var n int64
	switch v := first.(type) {
	case nil:
		return diplograph.DefaultPageSize
	case int:
		n = int64(v)
	case int32:
		n = int64(v)
	case int64:
		n = v
	case float64:
		n = int64(v)
	case json.Number:
		i, err := v.Int64()
		if err != nil {
			return diplograph.MaxPageSize
		}
		n = i
	default:
		return diplograph.MaxPageSize
	}
	switch {
	case n == 0:
		return 1 // only totalCount, but the store still counts
	case n < 0:
		return diplograph.DefaultPageSize // rejected before it runs
	}
	return int(min(n, diplograph.MaxPageSize))
}
