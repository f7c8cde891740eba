package clients

import "testing"

func TestScaleDecimalIsExact(t *testing.T) {
	t.Parallel()
	tests := []struct {
		amount string
		exp    int32
		want   string
	}{
		{"49990000000", 9, "49.99"},
		{"199000000000", 9, "199"},
		{"1", 9, "0.000000001"},
		{"0", 9, "0"},
		{"2999", 2, "29.99"},
		{"100", 2, "1"},
		{"5", 0, "5"},
		{"123456789012345678901234567890", 9, "123456789012345678901.23456789"},
	}
	for _, tt := range tests {
		got, err := ScaleDecimal(tt.amount, tt.exp)
		if err != nil || got != tt.want {
			t.Errorf("scaleDecimal(%q, %d) = %q, %v; want %q", tt.amount, tt.exp, got, err, tt.want)
		}
	}
	if _, err := ScaleDecimal("12.5e", 2); err == nil {
		t.Error("a malformed amount must be an error")
	}
}
