package datasources_test

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
)

func TestMain(m *testing.M) {
	acctest.Main(m)
}
