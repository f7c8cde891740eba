package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Bounds on a number a vendor sends. No price, count or rate comes near
// them, while a number outside them would cost seconds and megabytes to
// write out in full (1e10000000 has ten million digits), or turn into
// infinity, null or 0 on its way to Terraform.
const (
	// maxNumberIntegerDigits: every number is below 10^30 in magnitude.
	maxNumberIntegerDigits = 30
	// maxNumberDecimalPlaces: no digit is finer than 10^-30.
	maxNumberDecimalPlaces = 30
	// maxNumberSignificantDigits: at most 40 significant digits.
	maxNumberSignificantDigits = 40
	// maxExponentDigits rejects an exponent before it is parsed at all.
	maxExponentDigits = 4
)

// checkBody inspects a vendor body before it is decoded, in one pass over
// its bytes: every number must be within the bounds above, and no string
// may hold a secret, however the server escaped it. The error names the
// field by its JSON path (data[3].price).
func checkBody(body []byte, secrets *Redactor) error {
	if secrets.Contains(body) {
		return errors.New("the response contains the API key; refusing to use or store it")
	}
	s := bodyScanner{b: body, secrets: secrets}
	return s.scan()
}

// jsonFrame is one open object or array. An object's current key is kept
// as offsets into the body, turned into text only for an error.
type jsonFrame struct {
	object           bool
	expectKey        bool
	keyStart, keyEnd int
	index            int
}

type bodyScanner struct {
	b       []byte
	i       int
	stack   []jsonFrame
	secrets *Redactor
}

// scan walks the tokens of a JSON document. It does not validate the
// grammar (the decoder does that next); it only has to always advance.
func (s *bodyScanner) scan() error {
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '{' || c == '[':
			s.stack = append(s.stack, jsonFrame{object: c == '{', expectKey: c == '{'})
			s.i++
		case c == '}' || c == ']':
			if len(s.stack) > 0 {
				s.stack = s.stack[:len(s.stack)-1]
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
	if len(s.stack) == 0 {
		return nil
	}
	return &s.stack[len(s.stack)-1]
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
	if top := s.top(); top != nil && top.object && top.expectKey {
		top.keyStart, top.keyEnd = start, end
		return nil
	}
	if escaped && s.secrets != nil {
		var text string
		if json.Unmarshal(s.b[start-1:min(end+1, len(s.b))], &text) == nil && s.secrets.Contains([]byte(text)) {
			return fmt.Errorf("field %s: the response contains the API key; refusing to use or store it", s.path())
		}
	}
	return nil
}

func (s *bodyScanner) number() error {
	start := s.i
	for s.i < len(s.b) && strings.IndexByte("+-.0123456789eE", s.b[s.i]) >= 0 {
		s.i++
	}
	if err := CheckNumberText(string(s.b[start:s.i])); err != nil {
		return fmt.Errorf("field %s: %w", s.path(), err)
	}
	return nil
}

// path names where the scanner is: data[3].prices[0].unitAmount.
func (s *bodyScanner) path() string {
	var b strings.Builder
	for _, f := range s.stack {
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

// fieldName is a key as it may appear in an error: valid UTF-8, short.
func fieldName(raw []byte) string {
	const limit = 64
	name := strings.ToValidUTF8(string(raw[:min(len(raw), limit)]), "\uFFFD")
	if len(raw) > limit {
		name += "…"
	}
	return name
}

// CheckNumberText checks a JSON number's text against the bounds above
// without converting it, so even a number with a ten-digit exponent is
// refused in microseconds. Zero in any spelling is accepted.
func CheckNumberText(text string) error {
	intPart, frac, exp, err := splitNumber(text)
	if err != nil {
		return err
	}
	digits := intPart + frac
	first := strings.IndexFunc(digits, func(r rune) bool { return r != '0' })
	if first < 0 {
		return nil
	}
	last := strings.LastIndexFunc(digits, func(r rune) bool { return r != '0' })
	// The power of ten of a digit at index k of digits is len(intPart)-1-k+exp.
	highest := len(intPart) - 1 - first + exp
	lowest := len(intPart) - 1 - last + exp
	switch {
	case highest >= maxNumberIntegerDigits:
		return fmt.Errorf("number %s is too large: a number from a vendor must be below 10^%d", shortNumber(text), maxNumberIntegerDigits)
	case lowest < -maxNumberDecimalPlaces:
		return fmt.Errorf("number %s has digits below 10^-%d, finer than any price", shortNumber(text), maxNumberDecimalPlaces)
	case last-first+1 > maxNumberSignificantDigits:
		return fmt.Errorf("number %s has %d significant digits; at most %d are accepted", shortNumber(text), last-first+1, maxNumberSignificantDigits)
	}
	return nil
}

// splitNumber splits a JSON number into its integer digits, fraction digits
// and exponent, refusing exponents too long to be a real price's.
func splitNumber(text string) (intPart, frac string, exp int, err error) {
	s := strings.TrimPrefix(text, "-")
	mantissa, expText, hasExp := strings.Cut(strings.ToLower(s), "e")
	intPart, frac, _ = strings.Cut(mantissa, ".")
	if intPart == "" || !allDigits(intPart) || !allDigits(frac) {
		return "", "", 0, fmt.Errorf("%q is not a decimal number", shortNumber(text))
	}
	if hasExp {
		unsigned := strings.TrimLeft(expText, "+-")
		digits := strings.TrimLeft(unsigned, "0")
		if unsigned == "" || !allDigits(unsigned) || len(expText)-len(unsigned) > 1 {
			return "", "", 0, fmt.Errorf("%q is not a decimal number", shortNumber(text))
		}
		if len(digits) > maxExponentDigits {
			return "", "", 0, fmt.Errorf("number %s has an exponent out of any price's range", shortNumber(text))
		}
		exp, _ = strconv.Atoi(expText) // at most maxExponentDigits digits: cannot fail
	}
	return intPart, frac, exp, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// shortNumber keeps an error readable when the number is a megabyte long.
func shortNumber(text string) string {
	const limit = 40
	if len(text) <= limit {
		return text
	}
	return text[:limit] + fmt.Sprintf("… (%d characters)", len(text))
}
