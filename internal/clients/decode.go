package clients

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// decodeJSON decodes a vendor body leniently (unknown fields are ignored,
// missing fields stay zero or nil) but never partially: an empty body, an
// HTML page, a truncated document or trailing garbage is an error.
func decodeJSON(body []byte, out any) error {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return errors.New("empty response body where JSON was expected")
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.UseNumber()
	if err := dec.Decode(out); err != nil {
		return fmt.Errorf("response is not the documented JSON (%v); body starts with: %s", err, snippet(trimmed))
	}
	if dec.More() {
		return fmt.Errorf("response has data after the JSON document; body starts with: %s", snippet(trimmed))
	}
	return nil
}
