// Package diplograph holds the domain of Diplograph: articles, the entities,
// relations and events extracted from them, the evidence that ties every fact
// to its sentence, and the Store interface that every backend implements.
//
// This package knows nothing of GraphQL, SQL or Cypher. Loaders produce
// Articles, the extractor turns an Article into an Extraction, a Store keeps
// Extractions, and the API serves what a Store returns.
package diplograph
