package diplograph

// Extraction is everything extracted from one article: the document that
// `diplograph extract` prints and that a Store saves in one transaction.
// Its JSON form is the extract contract of the design; fields may be added,
// none renamed or dropped.
type Extraction struct {
	Article   Article    `json:"article"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	Events    []Event    `json:"events"`
	Comments  []Comment  `json:"comments"`
}
