package httpapi

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// check runs the body check as a read does, with a live context.
func check(body string, secrets *Redactor) error {
	return checkBody(context.Background(), []byte(body), secrets)
}

func TestAKeyInAnyJSONSpellingIsRefusedInObjectKeysAndValues(t *testing.T) {
	t.Parallel()
	const key = "opk-live-Abc123/xyz"
	secrets := NewRedactor(key, "k\U0001F600ey-with-emoji")
	tests := []struct{ name, body string }{
		{"an object key whose first letters are escaped", `{"limits":{"\u006f\u0070k-live-Abc123/xyz":"1"}}`},
		{"an object key escaped with upper-case hex", `{"limits":{"\u006F\u0070\u006B-live-Abc123/xyz":"1"}}`},
		{"an object key split across escapes in the middle", `{"limits":{"opk-li\u0076e-Abc\u0031\u00323/xyz":"1"}}`},
		{"an object key with its slash escaped", `{"limits":{"opk-live-Abc123\/xyz":1}}`},
		{"an object key wholly escaped", `{"tiers":[{"` + escapeAll(key) + `":1}]}`},
		{"an object key of an object nested in an array", `[[{"a":{"\u006fpk-live-Abc123/xyz":null}}]]`},
		{"an object key holding the key among other text", `{"discounts":{"see \u006fpk-live-Abc123/xyz here":10}}`},
		{"an object key written with a surrogate pair", `{"k\ud83d\ude00ey-with-emoji":1}`},
		{"a value split across escapes", `{"name":"opk-live-\u0041bc123/xyz"}`},
		{"a value written with a surrogate pair", `{"data":["k\uD83D\uDE00ey-with-emoji"]}`},
		{"an escaped key in a page that is not JSON, which an excerpt would quote", `<html><p>key \u006fpk-live-Abc123/xyz is not valid</p></html>`},
		{"an escaped key outside any string of a broken body", `{"a":1, \u006fpk-live-Abc123/xyz}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := check(tt.body, secrets)
			if err == nil || !strings.Contains(err.Error(), "the response contains the API key") {
				t.Fatalf("checkBody(%s) = %v, want the key refused", tt.body, err)
			}
			if strings.Contains(err.Error(), "live") || strings.Contains(err.Error(), `\u`) {
				t.Errorf("the error quotes the key: %v", err)
			}
		})
	}
}

func escapeAll(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(`\u00` + "0123456789abcdef"[r>>4:r>>4+1] + "0123456789abcdef"[r&15:r&15+1])
	}
	return b.String()
}

func TestBodiesWithoutTheKeyPassWhateverTheirEscapes(t *testing.T) {
	t.Parallel()
	secrets := NewRedactor("opk-live-Abc123/xyz")
	for _, body := range []string{
		`{"limits":{"\u006f\u0070k":"1","projects":5}}`,
		`{"name":"caf\u00e9 \ud83d\ude00 \/ \" \\"}`,
		`{"data":[{"id":"a"},{"id":"b"}],"meta":{"id":"c"}}`,
	} {
		if err := check(body, secrets); err != nil {
			t.Errorf("checkBody(%s) = %v, want it accepted", body, err)
		}
	}
}

func TestNestingDeeperThanTheCapIsRefusedNamingThePath(t *testing.T) {
	t.Parallel()
	nest := func(depth int) string {
		return `{"data":[{"limits":` + strings.Repeat("[", depth-3) + strings.Repeat("]", depth-3) + `}]}`
	}
	if err := check(nest(maxJSONDepth), nil); err != nil {
		t.Errorf("a body nested %d deep: %v, want it accepted", maxJSONDepth, err)
	}
	err := check(nest(maxJSONDepth+1), nil)
	if err == nil || !strings.Contains(err.Error(), "field data[0].limits[0]") || !strings.Contains(err.Error(), "nested deeper than 32 levels") {
		t.Fatalf("a body nested %d deep: %v, want it refused naming the field and the bound", maxJSONDepth+1, err)
	}
}

func TestAUTF8ByteOrderMarkBeforeTheJSONIsAccepted(t *testing.T) {
	t.Parallel()
	body := []byte("\xEF\xBB\xBF" + `{"data":[{"id":1,"name":"P1"}],"total":1}`)
	if err := checkBody(context.Background(), body, nil); err != nil {
		t.Fatalf("checkBody: %v", err)
	}
	var p testPage
	if err := DecodeJSON(body, &p); err != nil || len(p.Data) != 1 || p.Data[0].ID != 1 {
		t.Fatalf("DecodeJSON = %v, %+v; want the one item", err, p)
	}
}

func TestDuplicateKeysAreRefusedNamingTheField(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, body, want string }{
		{"the same key twice", `{"data":[{"id":"a","id":"b"}]}`, `field data[0].id: duplicate key`},
		{"a key again in another case", `{"data":[{"id":"a","name":"x","ID":"b"}]}`, `field data[0].ID: duplicate key`},
		{"a key again, escaped", `{"total":1,"\u0074otal":2}`, `field \u0074otal: duplicate key`},
		{"a key again under Unicode folding (dotless i)", `{"id":1,"ıd":2}`, `duplicate key`},
		{"a key again under Unicode folding (Kelvin sign)", `{"kind":1,"\u212aind":2}`, `duplicate key`},
		{"the list's key again, null", `{"data":[{"id":1}],"total":1,"data":null}`, `field data: duplicate key`},
		{"a free-form map's key again in another case", `{"limits":{"Projects":1,"projects":2}}`, `field limits.projects: duplicate key`},
		{"a duplicate in the one object of many with it", `{"data":[` + strings.Repeat(`{"id":1,"a":2},`, 40) + `{"b":1,"c":2,"b":3}]}`, `field data[40].b`},
		{"a duplicate after seventeen keys", `{` + manyKeys(17) + `,"k3":0}`, `field k3: duplicate key`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := check(tt.body, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("checkBody(%s) = %v, want %q", tt.body, err, tt.want)
			}
		})
	}
	for _, body := range []string{
		`{"data":[{"id":1},{"id":2}],"meta":{"id":3}}`,
		`{"a":{"x":1},"b":{"x":1},"x":{"a":1}}`,
		`{` + manyKeys(1000) + `}`,
		`{"idx":1,"id":2,"i":3,"d":4}`,
	} {
		if err := check(body, nil); err != nil {
			t.Errorf("checkBody(%.60s…) = %v, want it accepted", body, err)
		}
	}
}

func manyKeys(n int) string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = `"k` + strconv.Itoa(i) + `":0`
	}
	return strings.Join(keys, ",")
}

func TestAnHTMLPageIsNotTheDocumentedJSONWhateverItsText(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		`<!DOCTYPE html><html><body>Checking your browser. Wi-Fi 2026-12-08 Ray ID 8a1-f</body></html>`,
		`<html><body>Error 1e99 - try again</body></html>`,
		`Service Unavailable - 2026-12-08`,
		`{"data": <b>Wi-Fi</b>}`,
	} {
		err := check(body, nil)
		if err == nil || !strings.Contains(err.Error(), "response is not the documented JSON") || !strings.Contains(err.Error(), "body starts with: "+body[:10]) {
			t.Errorf("checkBody(%s) = %v, want the documented not-JSON error with an excerpt", body, err)
		}
	}
}

func TestAnErrorBodyAfterAByteOrderMarkIsReadAsTheVendorsMessage(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		_, _ = w.Write([]byte("\xEF\xBB\xBF" + `{"message":"limit must be at most 100"}`))
	}))
	t.Cleanup(srv.Close)
	_, err := listPlans(context.Background(), newTestAPI(t, srv), nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Message != "limit must be at most 100" {
		t.Fatalf("err = %v, want the vendor's message", err)
	}
}

func TestAFieldPathShowsNoRawControlOrBidiCharacter(t *testing.T) {
	t.Parallel()
	err := check("{\"\x1b[2J\u202e\x07k\":"+strings.Repeat("[", maxJSONDepth)+"}", nil)
	if err == nil || !strings.Contains(err.Error(), "nested deeper") {
		t.Fatalf("checkBody = %v, want the depth refused", err)
	}
	if strings.ContainsAny(err.Error(), "\x1b\x07\u202e") {
		t.Errorf("the error holds a raw control or bidi character: %q", err)
	}
}

func TestAChallengePageWithStatus200FailsTheReadNamingVendorEndpointAndExcerpt(t *testing.T) {
	t.Parallel()
	const page = `<!DOCTYPE html><html><body>Checking your browser. Wi-Fi 2026-12-08</body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(page))
	}))
	t.Cleanup(srv.Close)
	_, err := listPlans(context.Background(), newTestAPI(t, srv), nil)
	want := "vendor: list plans page 1 (GET " + srv.URL + "/vendor/plans): response is not the documented JSON (invalid character '<' looking for beginning of value); body starts with: " + page
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
}
