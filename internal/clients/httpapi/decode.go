package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// DecodeJSON decodes a vendor body leniently (unknown fields are ignored,
// missing fields stay zero or nil) but never partially: an empty body, an
// HTML page, a truncated document or trailing garbage is an error. A
// UTF-8 byte order mark before the document is ignored (RFC 8259 §8.1).
//
// The body is already in memory, so it is decoded in place with
// json.Unmarshal, never copied into a decoder's buffer. Numbers stay exact
// text: every number a vendor type keeps is a json.Number (or raw JSON), so
// nothing depends on a decoder's UseNumber.
func DecodeJSON(body []byte, out any) error {
	trimmed := bytes.TrimSpace(trimBOM(body))
	if len(trimmed) == 0 {
		return errors.New("empty response body where JSON was expected")
	}
	if err := json.Unmarshal(trimmed, out); err != nil {
		return explainDecodeError(trimmed, out, err)
	}
	return nil
}

// explainDecodeError says why a body did not decode, in the words a
// streaming decoder finds for it: a document that is not the documented
// JSON, or one with data after it. It runs only for a body that failed.
func explainDecodeError(body []byte, out any, err error) error {
	if t := reflect.TypeOf(out); t != nil && t.Kind() == reflect.Pointer {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		derr := dec.Decode(reflect.New(t.Elem()).Interface())
		if derr == nil {
			return fmt.Errorf("response has data after the JSON document; body starts with: %s", Snippet(body))
		}
		err = derr
	}
	return fmt.Errorf("response is not the documented JSON (%v); body starts with: %s", err, Snippet(body))
}
