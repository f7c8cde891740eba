package sandbox

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"strconv"
	"strings"
)

// WriteJSON marshals v; fixtures are plain data, so a marshal error is a bug
// in the sandbox and is reported as a 500 rather than silently dropped.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	WriteJSONAs(w, status, v, "application/json")
}

// WriteJSONAs is WriteJSON with the vendor's own Content-Type.
func WriteJSONAs(w http.ResponseWriter, status int, v any, contentType string) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "sandbox: "+err.Error(), http.StatusInternalServerError)
		return
	}
	WriteRawJSON(w, status, b, contentType)
}

// WriteRawJSON writes an encoded body, answering a conditional GET with 304
// when its validators match.
func WriteRawJSON(w http.ResponseWriter, status int, b []byte, contentType string) {
	if answerConditionally(w, status, b) {
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b) // the client may have gone away; nothing useful to do
}

// BaseURL is the scheme and host the client used, for vendors whose next
// links are absolute.
func BaseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// AuthToken returns the credential after the given scheme word; the scheme
// is case-insensitive as in RFC 9110.
func AuthToken(r *http.Request, scheme string) (string, bool) {
	h := r.Header.Get("Authorization")
	word, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(word, scheme) {
		return "", false
	}
	return strings.TrimSpace(token), true
}

// LimitKey identifies a caller for rate limits: the credential if one was
// sent, else the client address, as vendors throttle anonymous callers by IP.
func LimitKey(r *http.Request, credential string) string {
	if credential != "" {
		return "key:" + credential
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return "ip:" + host
}

// WriteJSONString appends s as a JSON string without escaping &, < and >,
// so next links read the way the vendors send them.
func WriteJSONString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)       // strings always encode; writes to a Buffer never fail
	b.Truncate(b.Len() - 1) // Encode appends a newline
}
