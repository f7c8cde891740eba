package streamskill

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/pricingkit/terraform-provider-pricing/internal/money"
)

// Money is the tariff's price model: price, already in the major unit of
// the account's currency (which the API does not name), per order rather
// than per period.
func (t Tariff) Money() (money.Money, error) {
	if t.Price == "" {
		return money.Money{}, nil
	}
	d, err := decimal.NewFromString(t.Price.String())
	if err != nil {
		return money.Money{}, fmt.Errorf("streamskill: tariff %d: price: %w", t.ID, err)
	}
	m := money.Money{Amount: &d}
	m.NoteNegative(strconv.FormatInt(t.ID, 10), "price", t.Price.String())
	return m, nil
}
