package hostile

import (
	"fmt"
	"net/http"
	"strings"
)

// HostileText is vendor text that a terminal or a CI log would act on:
// ANSI sequences that clear the screen and plant an OSC 8 hyperlink, a
// carriage return, a bell, a NUL, a right-to-left override, and a line
// that GitHub Actions reads as a workflow command.
const HostileText = "Bad request\x1b[2J\x1b[H \x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ \rAll good\a\x00 plan_\u202efdp.exe" +
	"\n::error title=pwned::the vendor wrote this workflow command\n"

// HugeMessageBytes and HugeFieldErrors size the error body of
// huge-error-500: a message of megabytes and thousands of field errors.
const (
	HugeMessageBytes = 2 << 20
	HugeFieldErrors  = 20_000
)

// Behaviours for vendor text in diagnostics (issue 26).
func init() {
	for name, b := range map[string]behaviour{
		"control-chars-in-error-422": {"422 with HostileText in every string field and as a field name", func(c *call) {
			writeJSON(c.w, http.StatusUnprocessableEntity, c.v.ErrorBody(HostileText, "field\x1b[31m\u202e"))
		}},
		"control-chars-in-text-500": {"500 (retried) with HostileText as a text/plain body", func(c *call) {
			writeRaw(c.w, http.StatusInternalServerError, "text/plain", []byte(HostileText))
		}},
		"control-chars-in-duplicate-id": {"a listing whose first two items share an id holding control characters", func(c *call) {
			c.ok(c.body(c.listing(BenignItems, func(i int, it map[string]any) {
				if i < 2 {
					it["id"] = "plan_\x1b[2J\u202e1"
				}
			})))
		}},
		"control-chars-in-twin-ids": {"a listing whose first two items share the name Twin, with ids holding control characters", func(c *call) {
			c.ok(c.body(c.listing(BenignItems, func(i int, it map[string]any) {
				if i < 2 {
					it["name"] = "Twin"
					it["id"] = []string{"plan_\x1b[2J1", "plan_\u202e2\r"}[i]
				}
			})))
		}},
		"control-chars-in-lookup-404": {"404 with HostileText in every string field", func(c *call) {
			writeJSON(c.w, http.StatusNotFound, c.v.ErrorBody(HostileText, "id"))
		}},
		"control-chars-after-first": {"the benign listing twice, then 503 (retried) with HostileText in every string field", func(c *call) {
			if c.n <= 2 {
				c.ok(c.body(c.listing(BenignItems, nil)))
				return
			}
			writeJSON(c.w, http.StatusServiceUnavailable, c.v.ErrorBody(HostileText, "field"))
		}},
		"huge-error-500": {"500 (retried) with a message of HugeMessageBytes and HugeFieldErrors field errors, in the vendor's error shape", func(c *call) {
			writeJSON(c.w, http.StatusInternalServerError, c.hugeErrorBody())
		}},
	} {
		behaviours[name] = b
	}
}

// hugeErrorBody is the vendor's error body at its largest: a message of
// HugeMessageBytes and HugeFieldErrors field errors, in its own shape.
func (c *call) hugeErrorBody() any {
	text := strings.Repeat("x", HugeMessageBytes)
	fieldMap := func(into map[string]any) map[string]any {
		for i := range HugeFieldErrors {
			into[fmt.Sprintf("field_%d", i)] = []string{"bad"}
		}
		return into
	}
	list := make([]map[string]any, HugeFieldErrors)
	for i := range list {
		list[i] = map[string]any{"field": fmt.Sprintf("field_%d", i), "message": "bad", "loc": []string{"body", fmt.Sprintf("field_%d", i)}, "msg": "bad", "type": "value_error"}
	}
	if c.v.HugeErrorBody == nil {
		return c.v.ErrorBody(text, "field")
	}
	return c.v.HugeErrorBody(text, fieldMap(map[string]any{}), list)
}
