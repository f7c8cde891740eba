package httpapi

import (
	"sort"
	"strings"
)

// FieldErrorsFromMap flattens {"field": ["msg", ...]} error maps (PHP and
// Django REST framework) into field errors sorted by field.
func FieldErrorsFromMap(m map[string][]string) []FieldError {
	fields := make([]string, 0, len(m))
	for f := range m {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	var out []FieldError
	for _, f := range fields {
		out = append(out, FieldError{Field: f, Message: strings.Join(m[f], " ")})
	}
	return out
}
