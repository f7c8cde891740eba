package clients

import (
	"encoding/json"

	"golang.org/x/time/rate"
)

// StreamskillDefaultBaseURL is StreamSkill's documented server.
const StreamskillDefaultBaseURL = "https://api.streamskill.pro/v1"

// Streamskill reads StreamSkill tariffs.
type Streamskill struct {
	api      *api
	language string
}

// NewStreamskill builds a StreamSkill client (Bearer auth) that paces itself
// under the documented token bucket: a burst of 30, then 2 requests/s with a
// key (a burst of 5, then one request every 2 s without).
func NewStreamskill(cfg Config, language string) (*Streamskill, error) {
	limiter := rate.NewLimiter(2, 30)
	if cfg.APIKey == "" {
		limiter = rate.NewLimiter(0.5, 5)
	}
	a, err := newAPI(cfg, vendorSpec{
		name:        "streamskill",
		authorize:   bearer,
		limiters:    []*rate.Limiter{limiter},
		decodeError: decodeStreamskillError,
	})
	if err != nil {
		return nil, err
	}
	if language == "" {
		language = "en"
	}
	return &Streamskill{api: a, language: language}, nil
}

// HasAPIKey reports whether a key is configured.
func (c *Streamskill) HasAPIKey() bool { return c.api.cfg.APIKey != "" }

// decodeStreamskillError reads {name, message, code, status, type}.
func decodeStreamskillError(body []byte) vendorMessage {
	var e struct {
		Name    string `json:"name"`
		Message string `json:"message"`
		Code    any    `json:"code"`
		Type    string `json:"type"`
	}
	if json.Unmarshal(body, &e) != nil {
		return vendorMessage{}
	}
	m := vendorMessage{Message: e.Message, Code: e.Type}
	if m.Message == "" {
		m.Message = e.Name
	}
	if m.Code == "" {
		m.Code = codeString(e.Code)
	}
	return m
}
