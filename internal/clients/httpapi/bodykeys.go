package httpapi

import (
	"bytes"
	"errors"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// errDuplicateKey: encoding/json keeps the last of two equal keys, and
// matches a struct field's name without regard to case, so {"id":"a",
// "ID":"b"} would read as id "b" and {"data":[…],"data":null} as no list.
// The check is the same for free-form maps (a plan's limits, a tariff's
// discounts): two keys equal but for case in one price-list object are a
// broken or hostile server, and refusing costs nobody a real plan.
var errDuplicateKey = errors.New("duplicate key: the object already has this key, or one equal to it but for letter case; a JSON decoder would keep only one of them")

// keySet is the keys seen so far in one open object, as 64-bit hashes of
// their folded text under a per-check random seed: 8 bytes a key, however
// long the key, and a vendor cannot choose two keys whose hashes collide.
// (Two different keys colliding by chance in one object — about 2^-64 per
// pair — would be refused as a duplicate: no real body is that large.)
type keySet struct {
	small []uint64            // searched in order while the object is small
	big   map[uint64]struct{} // past smallKeySet keys
}

// smallKeySet: up to this many keys an object's set is a slice, reused by
// the next object at the same depth; an item of a price list has fewer.
const smallKeySet = 16

func (k *keySet) reset() {
	k.small = k.small[:0]
	k.big = nil // a large set is not kept for the next object
}

// add records h and reports whether it was new.
func (k *keySet) add(h uint64) bool {
	if k.big != nil {
		if _, seen := k.big[h]; seen {
			return false
		}
		k.big[h] = struct{}{}
		return true
	}
	for _, seen := range k.small {
		if seen == h {
			return false
		}
	}
	if len(k.small) < smallKeySet {
		k.small = append(k.small, h)
		return true
	}
	k.big = make(map[uint64]struct{}, 2*smallKeySet)
	for _, seen := range k.small {
		k.big[seen] = struct{}{}
	}
	k.big[h] = struct{}{}
	return true
}

// appendFoldedKey appends key folded as encoding/json folds a field name
// to match it (appendFoldedName in its fold.go): ASCII letters upper-cased,
// every other rune mapped through ToUpper(ToLower(r)), so "ID", "id" and
// "ıd" (dotless i) fold alike, as the decoder would match them.
func appendFoldedKey(dst, key []byte) []byte {
	for i := 0; i < len(key); {
		if c := key[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(key[i:])
		dst = utf8.AppendRune(dst, unicode.ToUpper(unicode.ToLower(r)))
		i += n
	}
	return dst
}

// appendUnescaped appends the text of a JSON string's contents (without
// its quotes) as encoding/json decodes it: every escape, \u in either
// case of hex, surrogate pairs joined, a lone surrogate as U+FFFD. It is
// lenient where the decoder would fail (an unknown or cut escape is kept
// as written), so that even a string of an invalid body is checked in
// the spelling a reader would see.
func appendUnescaped(dst, s []byte) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			dst = append(dst, c)
			continue
		}
		i++
		switch e := s[i]; e {
		case '"', '\\', '/':
			dst = append(dst, e)
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r, ok := hex4(s[i+1:])
			if !ok {
				dst = append(dst, '\\', 'u')
				continue
			}
			i += 4
			if utf16.IsSurrogate(r) {
				r2, ok := escapedRune(s[i+1:])
				if joined := utf16.DecodeRune(r, r2); ok && joined != unicode.ReplacementChar {
					r = joined
					i += 6
				} else {
					r = unicode.ReplacementChar
				}
			}
			dst = utf8.AppendRune(dst, r)
		default:
			dst = append(dst, '\\', e)
		}
	}
	return dst
}

// escapedRune is the rune of a \uXXXX escape at the start of s.
func escapedRune(s []byte) (rune, bool) {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return 0, false
	}
	return hex4(s[2:])
}

func hex4(s []byte) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// appendLowerASCII appends b with ASCII letters lower-cased.
func appendLowerASCII(dst, b []byte) []byte {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// containsLower is Contains for text already lower-cased, without the
// copy Contains makes: it runs on every escaped string of a body.
func (r *Redactor) containsLower(lower []byte) bool {
	if r == nil {
		return false
	}
	r.mu.RLock()
	forms := r.lowered
	r.mu.RUnlock()
	for _, f := range forms {
		if bytes.Contains(lower, f) {
			return true
		}
	}
	return false
}

var utf8BOM = []byte("\xEF\xBB\xBF")

// trimBOM drops a UTF-8 byte order mark before a body, which RFC 8259
// lets a parser ignore and some servers (.NET's among them) send.
func trimBOM(body []byte) []byte { return bytes.TrimPrefix(body, utf8BOM) }
