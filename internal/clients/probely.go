package clients

import (
	"encoding/json"
	"net/http"
	"strings"
)

// ProbelyDefaultBaseURL is Probely's documented server.
const ProbelyDefaultBaseURL = "https://api.probely.com"

// Probely reads Probely plans.
type Probely struct{ api *api }

// NewProbely builds a Probely client: the credential goes in
// "Authorization: JWT <key>", with the literal word JWT.
func NewProbely(cfg Config) (*Probely, error) {
	a, err := newAPI(cfg, vendorSpec{
		name: "probely",
		authorize: func(h http.Header, key string) {
			h.Set("Authorization", "JWT "+key)
		},
		decodeError: decodeDRFError,
	})
	if err != nil {
		return nil, err
	}
	return &Probely{api: a}, nil
}

// HasAPIKey reports whether a key is configured.
func (c *Probely) HasAPIKey() bool { return c.api.cfg.APIKey != "" }

// decodeDRFError reads Django REST framework bodies: {"detail": "..."} or
// {"<field>": ["..."], "non_field_errors": ["..."]}.
func decodeDRFError(body []byte) vendorMessage {
	var raw map[string]json.RawMessage
	if json.Unmarshal(body, &raw) != nil {
		return vendorMessage{}
	}
	m := vendorMessage{}
	fields := map[string][]string{}
	for k, v := range raw {
		var s string
		var list []string
		switch {
		case json.Unmarshal(v, &s) == nil && k == "detail":
			m.Message = s
		case json.Unmarshal(v, &list) == nil && k == "non_field_errors":
			m.Message = strings.Join(list, " ")
		case json.Unmarshal(v, &list) == nil:
			fields[k] = list
		case json.Unmarshal(v, &s) == nil:
			fields[k] = []string{s}
		}
	}
	m.Fields = fieldErrorsFromMap(fields)
	return m
}
