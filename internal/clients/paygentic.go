package clients

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// PaygenticDefaultBaseURL is Paygentic's documented production server.
const PaygenticDefaultBaseURL = "https://api.paygentic.io"

// Paygentic reads Paygentic plans.
type Paygentic struct{ api *api }

// NewPaygentic builds a Paygentic client (Bearer auth). Paygentic documents
// no rate limit; 429s that come anyway are retried.
func NewPaygentic(cfg Config) (*Paygentic, error) {
	a, err := newAPI(cfg, vendorSpec{
		name:        "paygentic",
		authorize:   bearer,
		decodeError: decodePaygenticError,
	})
	if err != nil {
		return nil, err
	}
	return &Paygentic{api: a}, nil
}

// HasAPIKey reports whether a key is configured.
func (c *Paygentic) HasAPIKey() bool { return c.api.cfg.APIKey != "" }

func bearer(h http.Header, key string) { h.Set("Authorization", "Bearer "+key) }

// decodePaygenticError reads {error, message, code, details} and the
// validation shape {error: "validation_error", message, errors: [{field, message, code}]}.
func decodePaygenticError(body []byte) vendorMessage {
	var e struct {
		Error   string `json:"error"`
		Message string `json:"message"`
		Code    any    `json:"code"`
		Errors  []struct {
			Field   string `json:"field"`
			Message string `json:"message"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &e) != nil {
		return vendorMessage{}
	}
	m := vendorMessage{Message: e.Message, Code: codeString(e.Code)}
	if m.Message == "" {
		m.Message = e.Error
	}
	if m.Code == "" {
		m.Code = e.Error
	}
	for _, f := range e.Errors {
		m.Fields = append(m.Fields, FieldError{Field: f.Field, Message: f.Message})
	}
	return m
}

// codeString renders an error code that a vendor sends as a string or a
// number; StreamSkill's ubiquitous code 0 carries nothing and is dropped.
func codeString(v any) string {
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
