package httpapi

import "fmt"

// PageSizeRule is what a listing asked of the page size, so that a
// vendor-chosen size far below it is refused rather than followed through
// hundreds of paced requests (a per_page of 1 when none was asked).
type PageSizeRule struct {
	// Field names the page size in the body ("per_page").
	Field string
	// Asked is the size asked for; when Default, none was asked and it is
	// the smallest the vendor's documentation leads to expect. 0: no rule.
	Asked   int64
	Default bool
}

// pageSizeFloor is how far below the asked size a vendor may go: a
// vendor capping a page at half or a quarter of a large ask is normal.
const pageSizeFloor = 4

// checkPageSize refuses a listing of several pages whose page size is
// under a quarter of what was asked or documented.
func checkPageSize(a *API, op string, rule PageSizeRule, size, pages int64) error {
	if rule.Asked <= 0 || pages <= 1 || size*pageSizeFloor >= rule.Asked {
		return nil
	}
	asked := fmt.Sprintf("the %d asked for", rule.Asked)
	if rule.Default {
		asked = fmt.Sprintf("the %d its documentation leads to expect when none is asked for", rule.Asked)
	}
	return a.PaginationError(op+" page 1", fmt.Sprintf("field %s: the vendor chose a page size of %d, far below %s; "+
		"refusing to read %d pages (a page size under a quarter of the asked one is not followed)", rule.Field, size, asked, pages))
}
