package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"strings"
	"unicode"
)

const (
	// maxJSONDepth bounds how deeply a body may nest objects and arrays.
	// The deepest documented body, a page of plans with their tiers
	// (results[0].tiers.tiers[0]), nests 6 levels; a free-form value nested
	// thousands deep costs Terraform's plan renderer seconds to minutes,
	// and encoding/json's own bound, 10,000, is far past what a frame per
	// level costs a scanner that does not stop first.
	maxJSONDepth = 32
	// bodyCheckStride is how many bytes the check scans between two looks
	// at its context, so an interrupted run stops within one stride.
	bodyCheckStride = 64 << 10
)

var errKeyInBody = errors.New("the response contains the API key; refusing to use or store it")

// checkBody inspects a vendor body before it is decoded, in one pass over
// its bytes, in memory bounded by its depth (maxJSONDepth frames) and the
// keys of the objects open at once: no string, object keys included, may
// hold a secret however the server escaped it; objects and arrays nest at
// most maxJSONDepth deep; no object has a key twice, also in another
// letter case (encoding/json would keep the last one silently); every
// number is within the bounds of bodynumber.go. A body that is not JSON at
// all gets the decoder's "not the documented JSON" error with an excerpt,
// not a complaint about a hyphen in its text. The error names the field
// by its JSON path (data[3].price). A leading UTF-8 byte order mark is
// ignored, as RFC 8259 allows and DecodeJSON does.
func checkBody(ctx context.Context, body []byte, secrets *Redactor) error {
	body = trimBOM(body)
	if err := ctx.Err(); err != nil {
		return stopped(err)
	}
	if secrets.Contains(body) {
		return errKeyInBody
	}
	if !startsLikeJSON(body) {
		return notJSON(body, secrets)
	}
	s := bodyScanner{ctx: ctx, b: body, secrets: secrets, seed: maphash.MakeSeed()}
	err := s.scan()
	// A bound or a duplicate is only meaningful in a JSON document; in
	// anything else the scanner's idea of keys and numbers is a guess.
	var fe *fieldError
	if errors.As(err, &fe) && !json.Valid(body) {
		return notJSON(body, secrets)
	}
	return err
}

// notJSON is the decoder's error for a body that is not JSON, with its
// excerpt; first, as the excerpt may quote any part of it, the whole body
// is searched for a secret with every \u escape in it decoded, whether in
// a string or not.
func notJSON(body []byte, secrets *Redactor) error {
	if secrets != nil && bytes.IndexByte(body, '\\') >= 0 && secrets.containsLower(appendLowerASCII(nil, appendUnescaped(nil, body))) {
		return errKeyInBody
	}
	if err := DecodeJSON(body, &struct{}{}); err != nil {
		return err
	}
	return errors.New("response is not the documented JSON")
}

// startsLikeJSON is false for a body whose first byte no JSON value
// starts with: an HTML page, a plain-text error, an empty body.
func startsLikeJSON(body []byte) bool {
	t := bytes.TrimLeft(body, " \t\r\n")
	return len(t) > 0 && strings.IndexByte(`{["-0123456789tfn`, t[0]) >= 0
}

func stopped(err error) error {
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("stopped because the run was cancelled (Terraform was interrupted): %w", err)
	}
	return fmt.Errorf("stopped checking the response: %w", err)
}

// fieldError is a rule broken at a field of a JSON document.
type fieldError struct {
	path string
	err  error
}

func (e *fieldError) Error() string { return "field " + e.path + ": " + e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

// jsonFrame is one open object or array. An object's current key is kept
// as offsets into the body, turned into text only for an error.
type jsonFrame struct {
	object           bool
	expectKey        bool
	keyStart, keyEnd int
	index            int
}

type bodyScanner struct {
	ctx      context.Context
	b        []byte
	i        int
	nextLook int // offset at which to look at ctx again
	depth    int
	stack    [maxJSONDepth]jsonFrame
	keys     [maxJSONDepth]keySet
	secrets  *Redactor
	seed     maphash.Seed
	// text and lower are reused for each escaped string's decoded text;
	// fold for each key's case-folded form.
	text, lower, fold []byte
}

// scan walks the tokens of a JSON document. It does not validate the
// grammar (the decoder does that next); it only has to always advance.
func (s *bodyScanner) scan() error {
	for s.i < len(s.b) {
		if s.i >= s.nextLook {
			if err := s.ctx.Err(); err != nil {
				return stopped(err)
			}
			s.nextLook = s.i + bodyCheckStride
		}
		c := s.b[s.i]
		switch {
		case c == '{' || c == '[':
			if s.depth == maxJSONDepth {
				return fmt.Errorf("field %s: nested deeper than %d levels; no price list nests so deep, refusing to read it",
					ShortText(s.pathTo(s.depth), 200), maxJSONDepth)
			}
			s.stack[s.depth] = jsonFrame{object: c == '{', expectKey: c == '{'}
			s.keys[s.depth].reset()
			s.depth++
			s.i++
		case c == '}' || c == ']':
			if s.depth > 0 {
				s.depth--
			}
			s.i++
		case c == ',':
			s.next()
			s.i++
		case c == ':':
			if top := s.top(); top != nil {
				top.expectKey = false
			}
			s.i++
		case c == '"':
			if err := s.str(); err != nil {
				return err
			}
		case c == '-' || (c >= '0' && c <= '9'):
			if err := s.number(); err != nil {
				return err
			}
		default:
			s.i++
		}
	}
	return nil
}

func (s *bodyScanner) top() *jsonFrame {
	if s.depth == 0 {
		return nil
	}
	return &s.stack[s.depth-1]
}

func (s *bodyScanner) next() {
	top := s.top()
	switch {
	case top == nil:
	case top.object:
		top.expectKey = true
	default:
		top.index++
	}
}

// str checks one string: its decoded text, when it has escapes (the body
// as sent was checked whole), must hold no secret; an object key must be
// new to its object.
func (s *bodyScanner) str() error {
	start := s.i + 1
	end := start
	escaped := false
	for end < len(s.b) && s.b[end] != '"' {
		if s.b[end] == '\\' {
			escaped = true
			end++
		}
		end++
	}
	end = min(end, len(s.b))
	s.i = end + 1 // past the closing quote
	top := s.top()
	isKey := top != nil && top.object && top.expectKey
	text := s.b[start:end]
	if escaped {
		s.text = appendUnescaped(s.text[:0], text)
		s.lower = appendLowerASCII(s.lower[:0], s.text)
		if s.secrets.containsLower(s.lower) {
			if isKey {
				// The key itself is not shown: it is the secret, escaped.
				return fmt.Errorf("an object key in %s: %w", ShortText(s.pathTo(s.depth-1), 200), errKeyInBody)
			}
			return fmt.Errorf("field %s: %w", ShortText(s.path(), 200), errKeyInBody)
		}
		text = s.text
	}
	if !isKey {
		return nil
	}
	top.keyStart, top.keyEnd = start, end
	s.fold = appendFoldedKey(s.fold[:0], text)
	if !s.keys[s.depth-1].add(maphash.Bytes(s.seed, s.fold)) {
		return &fieldError{ShortText(s.path(), 200), errDuplicateKey}
	}
	return nil
}

func (s *bodyScanner) number() error {
	start := s.i
	for s.i < len(s.b) && strings.IndexByte("+-.0123456789eE", s.b[s.i]) >= 0 {
		s.i++
	}
	if err := CheckNumberText(string(s.b[start:s.i])); err != nil {
		return &fieldError{ShortText(s.path(), 200), err}
	}
	return nil
}

// path names where the scanner is: data[3].prices[0].unitAmount.
func (s *bodyScanner) path() string { return s.pathTo(s.depth) }

// pathTo names the place of the n outermost frames.
func (s *bodyScanner) pathTo(n int) string {
	var b strings.Builder
	for _, f := range s.stack[:n] {
		if f.object {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(fieldName(s.b[f.keyStart:f.keyEnd]))
		} else {
			fmt.Fprintf(&b, "[%d]", f.index)
		}
	}
	if b.Len() == 0 {
		return "(the whole body)"
	}
	return b.String()
}

// fieldName is a key as it may appear in an error: valid UTF-8, short,
// and with no control or bidi character raw (a key nested too deep is
// named before the body is known to be JSON, whose strings hold none).
func fieldName(raw []byte) string {
	const limit = 64
	name := strings.ToValidUTF8(string(raw[:min(len(raw), limit)]), "\uFFFD")
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return '\uFFFD'
		}
		return r
	}, name)
	if len(raw) > limit {
		name += "…"
	}
	return name
}
