package clients

import "strconv"

// ErrorCode renders an error code that a vendor sends as a string or a
// number; a code 0, which some vendors send on every error, carries nothing
// and is dropped.
func ErrorCode(v any) string {
	switch c := v.(type) {
	case string:
		return c
	case float64:
		if c == 0 {
			return ""
		}
		return strconv.FormatFloat(c, 'f', -1, 64)
	}
	return ""
}
