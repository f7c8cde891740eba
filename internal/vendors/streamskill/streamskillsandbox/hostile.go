package streamskillsandbox

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox/hostile"
)

// Path is the documented path of the read the hostile tests make (tariff 1).
const Path = "/tarifs/1"

// Dialect is how the hostile server (internal/sandbox/hostile) speaks StreamSkill's API.
var Dialect = hostile.Dialect{
	Name:          Name,
	Path:          Path,
	Listing:       false,
	NumberField:   "price",
	FreeFormField: "discounts",
	NumericIDs:    true,
	Key:           hostile.BearerKey,
	Page:          func(url.Values) int { return 1 },
	Size:          func(url.Values) int { return 1 },
	Item: func(i int) map[string]any {
		return map[string]any{
			"id": i + 1, "title": "Twitch Followers", "text": []string{"Delivered within 24 hours"}, "count": 100,
			"price": json.Number("50"), "type": "twitch_followers", "hourly": false, "pricing_type": "standard",
			"graduated_prices": nil, "discounts": map[string]int{"1": 0, "500": 10},
			"link": map[string]string{"prefix": "https://twitch.tv/", "placeholder": "channel"}, "panel": false,
		}
	},
	Envelope: func(_, _ string, p hostile.Page) map[string]any {
		tariff, _ := p.Items[0].(map[string]any) // listing always yields the tariff
		return tariff
	},
	ErrorBody: func(text, key string) any {
		return map[string]any{"name": text, "message": text, "code": 0, "status": 422, "type": text, key: text}
	},
	ItemIndex: func(rest string) int {
		id, _ := strconv.Atoi(strings.TrimPrefix(rest, "/tarifs/"))
		return id - 1
	},
}
