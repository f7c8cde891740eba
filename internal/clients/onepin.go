package clients

import (
	"encoding/json"
	"fmt"
	"strings"
)

// OnepinDefaultBaseURL is OnePin's documented server.
const OnepinDefaultBaseURL = "https://api.onepin.ai"

// Onepin reads OnePin billing plans. The plan list is public, so the key is
// optional; a workspace id is sent as X-Workspace-Id when configured.
type Onepin struct {
	api         *api
	workspaceID string
}

// NewOnepin builds a OnePin client (Bearer auth when a key is configured).
func NewOnepin(cfg Config, workspaceID string) (*Onepin, error) {
	a, err := newAPI(cfg, vendorSpec{
		name:        "onepin",
		authorize:   bearer,
		decodeError: decodeOnepinError,
	})
	if err != nil {
		return nil, err
	}
	return &Onepin{api: a, workspaceID: workspaceID}, nil
}

// decodeOnepinError reads {error: {code, message, details: [{field, message}]}, meta}
// and FastAPI's 422 shape {detail: [{loc, msg, type}]} (or {detail: "..."}).
func decodeOnepinError(body []byte) vendorMessage {
	var e struct {
		Error *struct {
			Code    string `json:"code"`
			Message string `json:"message"`
			Details []struct {
				Field   string `json:"field"`
				Message string `json:"message"`
			} `json:"details"`
		} `json:"error"`
		Detail json.RawMessage `json:"detail"`
	}
	if json.Unmarshal(body, &e) != nil {
		return vendorMessage{}
	}
	m := vendorMessage{}
	if e.Error != nil {
		m.Message, m.Code = e.Error.Message, e.Error.Code
		for _, d := range e.Error.Details {
			m.Fields = append(m.Fields, FieldError{Field: d.Field, Message: d.Message})
		}
		return m
	}
	var detail string
	if json.Unmarshal(e.Detail, &detail) == nil {
		m.Message = detail
		return m
	}
	var items []struct {
		Loc  []any  `json:"loc"`
		Msg  string `json:"msg"`
		Type string `json:"type"`
	}
	if json.Unmarshal(e.Detail, &items) == nil && len(items) > 0 {
		m.Message = "validation failed"
		for _, it := range items {
			m.Fields = append(m.Fields, FieldError{Field: fastAPILoc(it.Loc), Message: it.Msg})
		}
	}
	return m
}

// fastAPILoc renders ["header", "x-workspace-id"] as "header.x-workspace-id".
func fastAPILoc(loc []any) string {
	parts := make([]string, 0, len(loc))
	for _, p := range loc {
		parts = append(parts, fmt.Sprint(p))
	}
	return strings.Join(parts, ".")
}
