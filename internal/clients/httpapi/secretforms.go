package httpapi

import (
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf8"
)

// HoldsSecret reports whether text holds secret in any encoding a server,
// a proxy or an attacker may echo it in: as is or in another letter case,
// percent-encoded, JSON-escaped (\u0041, \/), in base64 (standard or
// URL-safe, padded or not, at any alignment, so also inside a longer
// encoded text such as "Bearer <key>"), or in hex. It is for short texts
// that are kept or sent back (validators, page URLs) and for tests; a
// response body is checked by Redactor.Contains, which is cheaper.
func HoldsSecret(text, secret string) bool {
	if secret == "" || text == "" {
		return false
	}
	lowSecret, hexSecret := strings.ToLower(secret), hex.EncodeToString([]byte(secret))
	cores := base64Cores(secret)
	for _, c := range decodings(text) {
		low := strings.ToLower(c)
		if strings.Contains(low, lowSecret) || strings.Contains(low, hexSecret) {
			return true
		}
		for _, core := range cores {
			if strings.Contains(c, core) {
				return true
			}
		}
	}
	return false
}

// HoldsEncoded reports whether text holds any of r's secrets, in any of
// the encodings HoldsSecret knows.
func (r *Redactor) HoldsEncoded(text string) bool {
	if r == nil {
		return false
	}
	r.mu.RLock()
	secrets := r.secrets
	r.mu.RUnlock()
	for _, s := range secrets {
		if HoldsSecret(text, s) {
			return true
		}
	}
	return false
}

// decodings are text and what it reads as once percent-decoded (twice, for
// a value encoded again by a proxy) and JSON-unescaped.
func decodings(text string) []string {
	once := percentDecode(text)
	twice := percentDecode(once)
	return []string{text, once, twice, jsonUnescape(text), jsonUnescape(twice)}
}

// percentDecode decodes every valid %XX, leaving anything else as it is:
// url.QueryUnescape gives up on the whole text at the first stray '%'.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") && !strings.Contains(s, "+") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8) // two hex digits always parse
			b.WriteByte(byte(v))
			i += 2
		case s[i] == '+':
			b.WriteByte(' ')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// jsonUnescape decodes JSON's \uXXXX and one-character escapes, leaving
// anything that is not a valid escape as it is.
func jsonUnescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		if s[i+1] == 'u' && i+5 < len(s) {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				b.WriteRune(rune(v))
				i += 5
				continue
			}
		}
		if strings.IndexByte(`"\/`, s[i+1]) >= 0 {
			b.WriteByte(s[i+1])
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	if !utf8.ValidString(b.String()) {
		return s
	}
	return b.String()
}

// minBase64Core is the shortest run of base64 characters taken as the
// secret: shorter runs match ordinary text by chance.
const minBase64Core = 8

// base64Cores are the base64 characters that encode secret alone, in both
// alphabets, for each of the three alignments it may start at inside a
// longer encoded text: the characters that also hold bits of the bytes
// before or after it are left out, so the cores are found whatever
// surrounds the secret.
func base64Cores(secret string) []string {
	var cores []string
	for offset := 0; offset < 3; offset++ {
		enc := base64.RawStdEncoding.EncodeToString(append(make([]byte, offset), secret...))
		first := (8*offset + 5) / 6          // the first character made of the secret's bits only
		last := 8*(offset+len(secret))/6 - 1 // the last one
		if last+1-first < minBase64Core || last >= len(enc) {
			continue
		}
		core := enc[first : last+1]
		cores = append(cores, core, strings.NewReplacer("+", "-", "/", "_").Replace(core))
	}
	return cores
}
