package httpapi

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAPIErrorListsFieldsOnePerLine(t *testing.T) {
	t.Parallel()
	err := &APIError{Vendor: "vendor", Operation: "list plans page 1", StatusCode: 400, Message: "Invalid query", Code: "validation_error",
		Fields: []FieldError{{"limit", "must be between 1 and 100"}, {"merchantId", "must match ^org_"}}}
	want := "vendor: list plans page 1: HTTP 400 Bad Request: Invalid query (code validation_error)\n  - limit: must be between 1 and 100\n  - merchantId: must match ^org_"
	if err.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", err.Error(), want)
	}
}

func TestSnippetOfALongBodyStaysValidUTF8(t *testing.T) {
	t.Parallel()
	// A Cyrillic error page: two bytes a character, cut at 200 bytes, must
	// not end in half a character (gRPC refuses invalid UTF-8 strings, so
	// the diagnostic would be lost). Found by a fuzz target of a vendor plan.
	for _, prefix := range []string{"", "x"} {
		got := Snippet([]byte(prefix + strings.Repeat("ж", 150)))
		if !utf8.ValidString(got) || !strings.HasSuffix(got, "…") || len(got) > 200+len("…") {
			t.Errorf("snippet with prefix %q = %q, want at most 200 bytes of whole characters and an ellipsis", prefix, got)
		}
	}
}
