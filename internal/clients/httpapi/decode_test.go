package httpapi

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestDecodeJSONRefusesWhatFollowsTheDocument(t *testing.T) {
	t.Parallel()
	for _, body := range []string{`{"data":[],"total":0}]`, `{"data":[],"total":0}}`, `{"data":[],"total":0} {"x":1}`, `{"data":[]} x`} {
		var p testPage
		err := DecodeJSON([]byte(body), &p)
		if err == nil || !strings.Contains(err.Error(), "data after the JSON document") {
			t.Errorf("%s: err = %v, want data after the JSON document", body, err)
		}
	}
	for _, body := range []string{`{"data":[{"id":1,`, `<html>`, `{"data":"x"}`} {
		var p testPage
		if err := DecodeJSON([]byte(body), &p); err == nil || !strings.Contains(err.Error(), "not the documented JSON") {
			t.Errorf("%s: err = %v, want not the documented JSON", body, err)
		}
	}
}

// onlyReader hides everything but Read, as a response body does.
type onlyReader struct{ io.Reader }

func (onlyReader) Close() error { return nil }

func TestReadCappedSizesTheBufferFromContentLength(t *testing.T) {
	t.Parallel()
	body := strings.Repeat("x", 100_000)
	read := func(size, limit int64, budget *byteBudget) ([]byte, error) {
		return readCapped(onlyReader{strings.NewReader(body)}, size, limit, budget)
	}
	b, err := read(int64(len(body)), 1<<20, nil)
	if err != nil || string(b) != body {
		t.Fatalf("read %d bytes, %v", len(b), err)
	}
	if cap(b) != len(body)+1 {
		t.Errorf("buffer capacity %d for a Content-Length of %d: the body was not read into one allocation", cap(b), len(body))
	}
	// The length is only a hint: a short or missing one still reads the
	// whole body, a huge one is bounded by the cap and the budget.
	for _, size := range []int64{-1, 0, 10, 1 << 40} {
		b, err := read(size, 1<<20, &byteBudget{limit: 1 << 20})
		if err != nil || string(b) != body {
			t.Errorf("Content-Length %d: read %d bytes, %v", size, len(b), err)
		}
		if int64(cap(b)) > 2<<20 {
			t.Errorf("Content-Length %d: a %d byte buffer, beyond the cap", size, cap(b))
		}
	}
	if _, err := read(int64(len(body)), 99_999, nil); !errors.Is(err, errBodyTooLarge) {
		t.Errorf("a body over the cap: %v, want errBodyTooLarge", err)
	}
	if _, err := read(int64(len(body)), 1<<20, &byteBudget{limit: 50_000}); !errors.Is(err, errListingTooLarge) {
		t.Errorf("a body over the budget: %v, want errListingTooLarge", err)
	}
	b, _ = read(1<<40, 1<<20, &byteBudget{limit: 200_000})
	if cap(b) > 200_001 {
		t.Errorf("a Content-Length of 1 TiB allocated %d bytes, beyond the listing's budget of 200000", cap(b))
	}
}
