package httpapi

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzBodyCheckAgreesWithTheDecoder: whatever body the check accepts and
// encoding/json decodes holds the key in no string and no object key, as
// the decoder reads them, and nests at most maxJSONDepth deep.
func FuzzBodyCheckAgreesWithTheDecoder(f *testing.F) {
	const key = "opk-live-Abc123"
	for _, seed := range []string{
		`{"limits":{"\u006f\u0070k-live-Abc123":"1"}}`,
		`{"a":"opk-live-\u0041bc123"}`,
		`[{"ID":1,"id":2}]`,
		`{"k\ud83d\ude00":1,"x":"\ud800"}`,
		"\xEF\xBB\xBF{\"data\":[]}",
		`<html>Wi-Fi 2026-12-08</html>`,
		`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`,
	} {
		f.Add([]byte(seed))
	}
	secrets := NewRedactor(key)
	f.Fuzz(func(t *testing.T, body []byte) {
		err := checkBody(context.Background(), body, secrets)
		if err != nil {
			checkErrorText(t, err)
			if strings.Contains(strings.ToLower(err.Error()), strings.ToLower(key)) {
				t.Fatalf("the error quotes the key: %v", err)
			}
			return
		}
		var v any
		if json.Unmarshal(trimBOM(body), &v) != nil {
			return
		}
		walkJSON(t, v, 0, func(s string) {
			if strings.Contains(strings.ToLower(s), strings.ToLower(key)) {
				t.Fatalf("accepted a body whose decoded text %q holds the key", s)
			}
		})
	})
}

// walkJSON calls fn on every string and object key of v, failing past
// maxJSONDepth.
func walkJSON(t *testing.T, v any, depth int, fn func(string)) {
	switch v := v.(type) {
	case string:
		fn(v)
	case []any:
		if depth+1 > maxJSONDepth {
			t.Fatalf("accepted a body nested deeper than %d", maxJSONDepth)
		}
		for _, e := range v {
			walkJSON(t, e, depth+1, fn)
		}
	case map[string]any:
		if depth+1 > maxJSONDepth {
			t.Fatalf("accepted a body nested deeper than %d", maxJSONDepth)
		}
		for k, e := range v {
			fn(k)
			walkJSON(t, e, depth+1, fn)
		}
	}
}
