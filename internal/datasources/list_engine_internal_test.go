package datasources

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

type engineItem struct {
	id, name, tier string
}

func (i engineItem) identity() (string, *string) { return i.id, &i.name }

func TestListFiltersKeepWhatEveryFilterKeeps(t *testing.T) {
	t.Parallel()
	items := []engineItem{{"a", "Basic", "free"}, {"b", "Business", "paid"}, {"c", "Basic Plus", "paid"}}
	tier := func(i engineItem) *string { return &i.tier }
	ids := func(v ...string) []types.String {
		out := make([]types.String, len(v))
		for i, s := range v {
			out[i] = types.StringValue(s)
		}
		return out
	}
	tests := []struct {
		name    string
		filters func() ListFilters[engineItem]
		want    []string
		wantCap int
	}{
		{"no filters keep every item", func() ListFilters[engineItem] { return ListFilters[engineItem]{} }, []string{"a", "b", "c"}, 3},
		{"ids keep the items they name and reserve room for them only", func() ListFilters[engineItem] {
			f, _ := FilterBy(ids("a", "c"), types.StringNull(), engineItem.identity)
			return f
		}, []string{"a", "c"}, 2},
		{"name_regex and an exact filter keep what both keep", func() ListFilters[engineItem] {
			f, _ := FilterBy[engineItem, types.String](nil, types.StringValue("^Basic"), engineItem.identity, ExactOn("tier", types.StringValue("paid"), tier))
			return f
		}, []string{"c"}, 3},
		{"another filter narrows the rest", func() ListFilters[engineItem] {
			f, _ := FilterBy[engineItem, types.String](nil, types.StringNull(), engineItem.identity)
			f.Also = func(i engineItem) bool { return i.id != "b" }
			return f
		}, []string{"a", "c"}, 3},
		{"an exact filter works without an identity", func() ListFilters[engineItem] {
			return ListFilters[engineItem]{Exact: []ExactFilter[engineItem]{ExactOn("tier", types.StringValue("free"), tier)}}
		}, []string{"a"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := tt.filters()
			var kept []string
			for _, i := range items {
				if f.keep(i) {
					kept = append(kept, i.id)
				}
			}
			if !slices.Equal(kept, tt.want) {
				t.Errorf("kept %v, want %v", kept, tt.want)
			}
			if got := f.capacity(len(items)); got != tt.wantCap {
				t.Errorf("capacity %d, want %d", got, tt.wantCap)
			}
		})
	}
}
