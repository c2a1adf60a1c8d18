package resolvers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/diplograph/diplograph"
)

// The codes a client finds in an error's extensions.code. Besides these,
// requests gqlgen rejects before running them keep gqlgen's own codes
// (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
// COMPLEXITY_LIMIT_EXCEEDED, PERSISTED_QUERY_NOT_FOUND).
const (
	CodeBadUserInput    = "BAD_USER_INPUT"
	CodeNotFound        = "NOT_FOUND"
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeInternal        = "INTERNAL"
)

// internalMessage is all a client learns of an internal error.
const internalMessage = "Internal error."

// graphQLCode is the one place where a domain error code becomes a GraphQL
// error code; "" means the error is internal.
func graphQLCode(code string) string {
	switch code {
	case diplograph.ENOTFOUND:
		return CodeNotFound
	case diplograph.EINVALID:
		return CodeBadUserInput
	}
	return ""
}

// ErrorPresenter returns the error presenter of the API. A *diplograph.Error
// meant for the user (not found, invalid) keeps its message and gets its
// code; an error gqlgen raised about the request itself (parse, validation,
// complexity, persisted query) is shown as gqlgen made it; anything else is
// internal: logged in full with logger and shown as "Internal error." with
// code INTERNAL.
func ErrorPresenter(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		presented := graphql.DefaultErrorPresenter(ctx, err)
		out := &gqlerror.Error{Path: presented.Path, Locations: presented.Locations}

		if code := graphQLCode(diplograph.ErrorCode(err)); code != "" {
			out.Message = diplograph.ErrorMessage(err)
			out.Extensions = map[string]any{"code": code}
			return out
		}

		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && isRequestError(ctx, gqlErr) {
			return requestError(gqlErr)
		}

		logger.ErrorContext(ctx, "graphql: internal error", "path", out.Path.String(), "err", err)
		out.Message = internalMessage
		out.Extensions = map[string]any{"code": CodeInternal}
		return out
	}
}

// isRequestError reports whether gqlErr is gqlgen's verdict on the request
// as a whole rather than the failure of one field: such errors are raised
// outside any field and wrap no Go error.
func isRequestError(ctx context.Context, gqlErr *gqlerror.Error) bool {
	return gqlErr.Err == nil && graphql.GetFieldContext(ctx) == nil
}

// requestError returns gqlErr with a code: its own, or BAD_USER_INPUT for
// the few gqlgen leaves without one (a malformed persisted query).
func requestError(gqlErr *gqlerror.Error) *gqlerror.Error {
	out := *gqlErr
	if _, ok := out.Extensions["code"]; !ok {
		ext := make(map[string]any, len(out.Extensions)+1)
		for k, v := range out.Extensions {
			ext[k] = v
		}
		ext["code"] = CodeBadUserInput
		out.Extensions = ext
	}
	return &out
}

// Recover turns a panic in a resolver into an internal error carrying the
// stack, for ErrorPresenter to log; the client sees "Internal error.".
func Recover(_ context.Context, v any) error {
	return fmt.Errorf("panic: %v\n%s", v, debug.Stack())
}
