package loaders

import (
	"encoding/json"
	"io"
)

// Rejection is one line of a JSONL error report: where a rejected record
// was, why (a stable Reason code) and the human-readable message.
type Rejection struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`   // 1-based line the record starts on, when known
	Record  int    `json:"record,omitempty"` // 1-based index of the record in its file, when known
	Reason  Reason `json:"reason"`
	Message string `json:"message"`
}

// RejectionOf describes a rejection error for a report.
func RejectionOf(err *RecordError) Rejection {
	return Rejection{
		File:    err.Pos.File,
		Line:    err.Pos.Line,
		Record:  err.Pos.Record,
		Reason:  ReasonOf(err.Err),
		Message: err.Err.Error(),
	}
}

// ErrorReport writes rejections as JSON Lines, one object per rejected
// record. Its Write fits LoadOptions.OnReject. It buffers nothing itself:
// give it a buffered writer and flush that when the load is over.
type ErrorReport struct {
	enc *json.Encoder
}

// NewErrorReport returns a report that writes to w.
func NewErrorReport(w io.Writer) *ErrorReport {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &ErrorReport{enc: enc}
}

// Write appends one rejection to the report.
func (r *ErrorReport) Write(err *RecordError) error {
	return r.enc.Encode(RejectionOf(err))
}
