package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// dataModified is the Last-Modified of every sandbox answer: the fixtures
// are built in New and do not change while a server runs.
var dataModified = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// conditionalWriter lets WriteRawJSON answer a conditional GET, as the
// vendors' CDNs do: every 200 carries an ETag (a hash of its body) and a
// Last-Modified, and a request whose If-None-Match (or, without one,
// If-Modified-Since) still matches gets 304 Not Modified with no body.
type conditionalWriter struct {
	http.ResponseWriter
	req *http.Request
}

func (c *conditionalWriter) Unwrap() http.ResponseWriter { return c.ResponseWriter }

// answerConditionally sets the validators of a 200 body, and answers 304
// instead when the request's validators match; it reports whether it did.
func answerConditionally(w http.ResponseWriter, status int, body []byte) bool {
	c, ok := w.(*conditionalWriter)
	if !ok || status != http.StatusOK {
		return false
	}
	etag := entityTag(body)
	h := c.Header()
	h.Set("ETag", etag)
	h.Set("Last-Modified", dataModified.Format(http.TimeFormat))
	if !notModified(c.req, etag) {
		return false
	}
	h.Del("Content-Type")
	h.Del("Content-Length")
	c.WriteHeader(http.StatusNotModified)
	return true
}

// notModified applies RFC 9110's order: If-None-Match when present, else
// If-Modified-Since.
func notModified(r *http.Request, etag string) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, tag := range strings.Split(inm, ",") {
			if t := strings.TrimSpace(tag); t == etag || t == "*" || strings.TrimPrefix(t, "W/") == etag {
				return true
			}
		}
		return false
	}
	since, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !dataModified.After(since)
}

// entityTag hashes a body's data: a top-level "meta" object (a vendor's
// per-response request id and time) is not part of what it represents.
func entityTag(body []byte) string {
	var top map[string]json.RawMessage
	if json.Unmarshal(body, &top) == nil {
		if _, ok := top["meta"]; ok {
			delete(top, "meta")
			body, _ = json.Marshal(top) // map keys marshal sorted: stable
		}
	}
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:8]) + `"`
}
