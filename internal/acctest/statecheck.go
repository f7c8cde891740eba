package acctest

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// Attr checks one attribute of a data source's state, the path written as
// Terraform's flatmap keys are ("plans.0.prices.1.id", "limits.users").
func Attr(address, path string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(address, Path(path), want)
}

// Path turns "plans.0.id" into tfjsonpath.New("plans").AtSliceIndex(0).AtMapKey("id").
func Path(flat string) tfjsonpath.Path {
	steps := strings.Split(flat, ".")
	p := tfjsonpath.New(steps[0])
	for _, s := range steps[1:] {
		if i, err := strconv.Atoi(s); err == nil {
			p = p.AtSliceIndex(i)
		} else {
			p = p.AtMapKey(s)
		}
	}
	return p
}

// Number is a Terraform number written as decimal text, parsed as
// Terraform parses it (512 bits), for knownvalue.NumberExact.
func Number(text string) *big.Float {
	f, _, err := big.ParseFloat(text, 10, 512, big.ToNearestEven)
	if err != nil {
		panic(fmt.Sprintf("acctest.Number(%q): %v", text, err))
	}
	return f
}

// MapEntry checks one entry of a map attribute; keys such as "500" would
// read as list indexes in Attr's flatmap path.
func MapEntry(address, mapPath, key string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(address, Path(mapPath).AtMapKey(key), want)
}

// Money checks the price model of a plan at prefix ("plans.3." in a list,
// "" in a lookup): amount, period and monthly as decimal text, "" for null.
func Money(address, prefix, amount, period, monthly string, onRequest bool) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		Attr(address, prefix+"price_amount", numberOrNull(amount)),
		Attr(address, prefix+"billing_period", stringOrNull(period)),
		Attr(address, prefix+"monthly_amount", numberOrNull(monthly)),
		Attr(address, prefix+"price_on_request", knownvalue.Bool(onRequest)),
	}
}

func numberOrNull(text string) knownvalue.Check {
	if text == "" {
		return knownvalue.Null()
	}
	return knownvalue.NumberExact(Number(text))
}

func stringOrNull(text string) knownvalue.Check {
	if text == "" {
		return knownvalue.Null()
	}
	return knownvalue.StringExact(text)
}
