package extract_test

import (
	"context"
	"testing"
)

// BenchmarkExtract measures the whole extractor on the seed article; the
// MB/s column is article text per second on one core.
func BenchmarkExtract(b *testing.B) {
	a := readOne(b, "../samples/ishiba-trump-summit.txt", seedPublished)
	x := newExtractor(b)
	ctx := context.Background()
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := x.Extract(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}
