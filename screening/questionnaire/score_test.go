package questionnaire_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// iloDimension is the ILO/EC 2009 combination rule as the shipped files
// encode it.
func iloDimension() *q.Dimension {
	one := 1
	return &q.Dimension{ID: "d", Weights: q.Weights{Strong: 4, Medium: 2, Weak: 1}, WeakCap: &one, Threshold: 5}
}

// iloRule is the rule in the words of the ILO/EC indicators: a dimension is
// present with two strong indicators, one strong plus one medium or weak,
// three medium, or two medium plus one weak.
func iloRule(strong, medium, weak int) bool {
	return strong >= 2 ||
		(strong >= 1 && medium+weak >= 1) ||
		medium >= 3 ||
		(medium >= 2 && weak >= 1)
}

func TestScoreMatchesILORuleTruthTable(t *testing.T) {
	d := iloDimension()
	for s := 0; s <= 4; s++ {
		for m := 0; m <= 5; m++ {
			for w := 0; w <= 5; w++ {
				got := q.Score(d, s, m, w) >= d.Threshold
				assert.Equal(t, iloRule(s, m, w), got, "strong=%d medium=%d weak=%d", s, m, w)
			}
		}
	}
}

// The rule's named cases, written out so that a reader sees them.
func TestScoreNamedCases(t *testing.T) {
	d := iloDimension()
	tests := []struct {
		strong, medium, weak int
		present              bool
	}{
		{2, 0, 0, true},  // two strong
		{1, 1, 0, true},  // one strong plus one medium
		{1, 0, 1, true},  // one strong plus one weak
		{0, 3, 0, true},  // three medium
		{0, 2, 1, true},  // two medium plus one weak
		{1, 0, 0, false}, // one strong alone
		{0, 2, 0, false}, // two medium alone
		{0, 1, 5, false}, // one medium and any number of weak
		{0, 0, 5, false}, // weak alone never
		{0, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("s%d_m%d_w%d", tt.strong, tt.medium, tt.weak), func(t *testing.T) {
			assert.Equal(t, tt.present, q.Score(d, tt.strong, tt.medium, tt.weak) >= d.Threshold)
		})
	}
}

func TestScoreWithoutCap(t *testing.T) {
	d := &q.Dimension{Weights: q.Weights{Strong: 3, Medium: 2, Weak: 1}, Threshold: 4}
	assert.Equal(t, 3+2+5, q.Score(d, 1, 1, 5))
}
