package guidance_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/interview"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

// These tests protect children and lives first (the findings of a subject
// matter review): each runs the shipped questionnaires and guidance on the
// answers that once led to a missed child, a missed threat to life or a
// harmful next step.

// screen walks the shipped interview with fixed answers, asking every
// question that applies, and returns the result and each role's steps.
func screen(t *testing.T, a q.Answers, modules ...string) (*rules.Result, map[string][]string) {
	t.Helper()
	set, d := load(t)
	in, unused, err := interview.FromAnswers(&interview.Plan{Set: set, Modules: modules, Full: true}, a)
	require.NoError(t, err)
	require.Empty(t, unused, "every answer must lie on the screening's path")
	r := rules.Evaluate(set, in)
	steps := map[string][]string{}
	for _, role := range append(slices.Clone(guidance.Roles()), "") {
		steps[role] = ids(guidance.For(d, r, guidance.Options{Role: role, Region: "nyc", Lang: "en"}))
	}
	return r, steps
}

func flags(r *rules.Result) []string {
	var out []string
	for _, f := range r.RedFlags {
		out = append(out, f.ID)
	}
	return out
}

func level(r *rules.Result, form string) rules.Level {
	for _, f := range r.Forms {
		if f.Form == form {
			return f.Level
		}
	}
	return ""
}

// triage answers a triage; extra answers override.
func triage(extra q.Answers) q.Answers {
	a := q.Answers{
		"obs_urgent_injury": {"no"}, "danger_now": {"no"}, "age_band": {"adult"}, "obs_signs": {"none"},
		"works_for_someone": {"no"}, "marriage_situation": {"no"}, "organ_or_medical": {"no"}, "sex_exchange": {"no"},
	}
	for k, v := range extra {
		a[k] = v
	}
	return a
}

func assertChildProtection(t *testing.T, steps map[string][]string) {
	t.Helper()
	for role, got := range steps {
		assert.Contains(t, got, "child_protection", "role %q", role)
	}
}

func TestMinorWithUnsureExchangeIsFlagged(t *testing.T) {
	// 16, not sure about the exchange, but a quota for sex.
	r, steps := screen(t, triage(q.Answers{"age_band": {"under_18"}, "sex_exchange": {"not_sure"}, "sex_gate_third_party": {"now"}}))
	assert.Contains(t, flags(r), "minor")
	assert.Equal(t, rules.Refer, level(r, "sex"))
	assertChildProtection(t, steps)
	for _, f := range r.Forms {
		if f.Form == "sex" && f.Rule != nil {
			assert.NotContains(t, f.Rule.Explain.In("en"), "not established", "a child needs no force, fraud or coercion")
		}
	}
}

func TestMinorWhoOwesMoneyIsNotAnAdultCase(t *testing.T) {
	r, _ := screen(t, triage(q.Answers{"age_band": {"under_18"}, "sex_exchange": {"now"}, "m_debt": {"now"}, "m_debt_for": {"sex"}}))
	assert.Contains(t, flags(r), "minor")
	assert.Equal(t, rules.Refer, level(r, "sex"))
}

func TestMinorWithWithheldAgeWhoLooksYoungIsFlagged(t *testing.T) {
	r, steps := screen(t, triage(q.Answers{"age_band": {"prefer_not_to_say"}, "obs_signs": {"looks_under_18"}, "sex_exchange": {"prefer_not_to_say"}, "sex_gate_third_party": {"now"}}))
	assert.Contains(t, flags(r), "minor")
	assertChildProtection(t, steps)
}

func TestTriageOnlyChildSeenInCommercialSexGetsChildProtection(t *testing.T) {
	r, steps := screen(t, triage(q.Answers{"age_band": {"under_18"}, "obs_signs": {"commercial_sex"}, "sex_exchange": {"prefer_not_to_say"}}), q.TriageID)
	assert.Contains(t, flags(r), "minor")
	assertChildProtection(t, steps)
	assert.Contains(t, steps["police"], "minor_police_role")
}

func TestChildMarriageIsRouted(t *testing.T) {
	// 16, engaged, says she chose it.
	r, steps := screen(t, triage(q.Answers{"age_band": {"under_18"}, "marriage_situation": {"yes"}, "fm_chose_freely": {"yes"}, "fm_can_refuse": {"yes"}, "fm_travel": {"no"}}))
	assert.Equal(t, rules.Concern, level(r, "forced_marriage"), "any marriage or engagement under 18 is unlawful in New York")
	for role, got := range steps {
		assert.Contains(t, got, "child_marriage", role)
	}
	assertChildProtection(t, steps)
}

func TestChildMarriageWithTravelIsOneChance(t *testing.T) {
	r, steps := screen(t, triage(q.Answers{"age_band": {"under_18"}, "marriage_situation": {"yes"}, "fm_travel": {"yes"}}))
	assert.Contains(t, flags(r), "one_chance")
	assert.Equal(t, "one_chance", steps["shelter"][0])
}

func TestAWorkScheduleNeverRaisesTheChildFlag(t *testing.T) {
	// A 16-year-old with a job whose boss sets the hours: no sex fact at all.
	r, _ := screen(t, triage(q.Answers{"age_band": {"under_18"}, "works_for_someone": {"now"}}))
	assert.NotContains(t, flags(r), "minor")
	set, _ := load(t)
	for _, qu := range set.Module("sex").Questions {
		if qu.AskedOf == "person" {
			assert.Contains(t, strings.ToLower(qu.Text.In("en")), "sex", "%s names its situation plainly", qu.ID)
		}
	}
}

func TestThreatFromSomeoneSearchingRaisesEmergency(t *testing.T) {
	set, _ := load(t)
	assert.Contains(t, set.Question("danger_now").Text.In("en"), "looking for you")
	r, steps := screen(t, triage(q.Answers{"danger_now": {"yes"}}))
	assert.Contains(t, flags(r), "emergency")
	for role, got := range steps {
		assert.Contains(t, got, "emergency_separate", "every role keeps the person apart from a companion (%s)", role)
	}
}

func TestUrgentCareInAClinicFollowsTheClinicsRoute(t *testing.T) {
	_, steps := screen(t, triage(q.Answers{"obs_urgent_injury": {"yes"}}))
	assert.Contains(t, steps["health"], "emergency_injury_health")
	assert.NotContains(t, steps["health"], "emergency_injury", "the 911 step is for settings without their own care")
	assert.Contains(t, steps["police"], "emergency_injury")
}

func TestOrganReportNeedsConsentAndLegalHelpFirst(t *testing.T) {
	_, steps := screen(t, triage(q.Answers{"organ_or_medical": {"yes"}, "organ_whose": {"own_body"}, "organ_payment": {"yes"}}))
	for role, got := range steps {
		report := slices.Index(got, "organ_report")
		require.GreaterOrEqual(t, report, 0, role)
		assert.Less(t, slices.Index(got, "consent"), report, "consent before a report that shares information (%s)", role)
		assert.Less(t, slices.Index(got, "immigration_help"), report, "legal help before HSI/ICE (%s)", role)
	}
	_, d := load(t)
	for _, s := range d.Steps {
		if s.ID == "organ_report" {
			assert.NotContains(t, s.Text.In("en"), "buying or brokering")
			assert.Contains(t, s.Text.In("en"), "consent")
		}
	}
}

func TestTriageOnlyPoliceGetsTheConfirmationDuty(t *testing.T) {
	_, steps := screen(t, triage(q.Answers{"works_for_someone": {"now"}, "obs_signs": {"companion_control"}}), q.TriageID)
	assert.Contains(t, steps["police"], "confirmation_police")
	assert.Contains(t, steps["police"], "companion_present")
}

func TestControlWithoutPurposeNeverRefers(t *testing.T) {
	// An adult whose family keeps her passport: she works, but the
	// passport is about her family, not the job.
	r, _ := screen(t, triage(q.Answers{"works_for_someone": {"now"}, "m_documents": {"now"}, "m_documents_for": {"other"},
		"m_kept_in": {"now"}, "m_kept_in_for": {"other"}}))
	for _, f := range r.Forms {
		assert.Equal(t, rules.None, f.Level, f.Form)
	}
	// With no purpose at all, the control questions are never asked.
	r, _ = screen(t, triage(q.Answers{"works_for_someone": {"not_sure"}, "labor_gate_work": {"no"}}))
	assert.Equal(t, 9, r.Asked, "the triage and the work gate")
}

func TestForcedLabourRefers(t *testing.T) {
	for name, extra := range map[string]q.Answers{
		"threat to family":       {"m_harm": {"now"}, "m_harm_for": {"work"}},
		"unpaid and cannot stop": {"m_cannot_stop": {"now"}, "m_cannot_stop_for": {"work"}, "labor_pay": {"not_paid"}},
		"deceived, unpaid, no rest": {"m_deceived": {"yes"}, "m_deceived_for": {"work"}, "labor_pay": {"not_paid"},
			"labor_rest_day": {"no"}},
	} {
		a := triage(q.Answers{"works_for_someone": {"now"}})
		for k, v := range extra {
			a[k] = v
		}
		r, _ := screen(t, a)
		assert.Equal(t, rules.Refer, level(r, "labor"), name)
	}
}

func TestLackOfCapacityIsForcedMarriage(t *testing.T) {
	r, _ := screen(t, triage(q.Answers{"marriage_situation": {"yes"}, "obs_signs": {"lacks_capacity"}, "fm_travel": {"yes"}}))
	assert.Equal(t, rules.Refer, level(r, "forced_marriage"))
	assert.Contains(t, flags(r), "one_chance")
}

func TestImmigrationReliefSaysToWhomItApplies(t *testing.T) {
	_, d := load(t)
	for _, s := range d.Steps {
		text := s.Text.In("en")
		if strings.Contains(text, "T visa") || strings.Contains(text, "U visa") {
			assert.Contains(t, text, "not a U.S. citizen", s.ID)
		}
	}
}

func TestEveryNYCNumberSaysVerify(t *testing.T) {
	_, d := load(t)
	c := d.Contact("legal_aid_eip")
	require.NotNil(t, c)
	assert.NotEmpty(t, c.Caution.In("en"), "every NYC number needs VERIFY BEFORE USE")
}

func TestSpanishUsesTheTermsNYServicesUse(t *testing.T) {
	set, d := load(t)
	var texts []string
	for _, f := range set.Files {
		for _, qu := range f.Questions {
			texts = append(texts, qu.Text.Lang["es"], qu.Hint.Lang["es"])
		}
	}
	for _, s := range d.Steps {
		texts = append(texts, s.Text.Lang["es"])
	}
	for _, s := range texts {
		assert.NotContains(t, strings.ToLower(s), "derivar", "NY services say referir: %q", s)
	}
	assert.Contains(t, set.Question("fm_travel").Text.Lang["es"], "fuera de Estados Unidos")
}

// The property behind every child-protection finding: whatever else was
// answered, a person who is or may be under 18 with any commercial-sex
// indicator is flagged, and every role is told to protect the child, the
// triage alone included.
func TestEveryChildInCommercialSexGetsChildProtection(t *testing.T) {
	set, d := load(t)
	checked := 0
	for seed := range uint64(400) {
		rng := rand.New(rand.NewPCG(seed, 12))
		modules := []string(nil)
		if seed%4 == 0 {
			modules = []string{q.TriageID}
		}
		a := &randomAnswers{rng: rng, youth: true}
		in, err := interview.Run(&interview.Plan{Set: set, Modules: modules, Full: true}, a)
		require.NoError(t, err)
		r := rules.Evaluate(set, in)
		youth := in.Answers.Has("age_band", "under_18") ||
			(in.Answers.Has("age_band", q.NotSure) || in.Answers.Has("age_band", q.PreferNotToSay)) && in.Answers.Has("obs_signs", "looks_under_18")
		commercialSex := in.Answers.Has("sex_exchange", q.Now) || in.Answers.Has("sex_exchange", q.Before) || in.Answers.Has("obs_signs", "commercial_sex")
		for _, f := range r.Forms {
			if f.Form == "sex" && len(f.Indicators) > 0 {
				commercialSex = true
			}
		}
		if !youth || !commercialSex {
			continue
		}
		checked++
		require.Contains(t, flags(r), "minor", "seed %d: %v", seed, in.Answers)
		for _, role := range append(slices.Clone(guidance.Roles()), "") {
			got := ids(guidance.For(d, r, guidance.Options{Role: role, Region: "nyc", Lang: "en"}))
			require.Contains(t, got, "child_protection", "seed %d role %q", seed, role)
		}
	}
	assert.Greater(t, checked, 50, "enough children in commercial sex to test the property")
}

// randomAnswers answers at random, leaning towards a young person and
// towards yes, and goes on past every stop.
type randomAnswers struct {
	rng   *rand.Rand
	youth bool
}

func (r *randomAnswers) Ask(st interview.Step) ([]string, error) {
	qu := st.Question
	ids := qu.AnswerIDs()
	if qu.ID == "age_band" && r.youth && r.rng.IntN(3) > 0 {
		return []string{[]string{"under_18", q.NotSure, q.PreferNotToSay}[r.rng.IntN(3)]}, nil
	}
	if qu.Type == q.Multiple {
		var many []string
		for _, id := range ids {
			if id != q.NotSure && id != q.PreferNotToSay && qu.ExclusiveChoice([]string{id}) == "" && r.rng.IntN(3) == 0 {
				many = append(many, id)
			}
		}
		if len(many) > 0 {
			return many, nil
		}
	}
	return []string{ids[r.rng.IntN(len(ids))]}, nil
}

func (r *randomAnswers) Decide(interview.Step) (bool, error) { return true, nil }

// Nothing the tool says goes beyond the research or contradicts itself
// (issue: statements beyond the research; text that contradicts itself).
func TestNoStatementBeyondTheResearch(t *testing.T) {
	set, d := load(t)
	var all []string
	for _, f := range set.Files {
		all = append(all, f.Intro.In("en"))
		for _, ind := range f.Indicators {
			all = append(all, ind.Label.In("en"), ind.Explain.In("en"))
		}
		for _, l := range f.Levels {
			all = append(all, l.Explain.In("en"))
		}
		for _, qu := range f.Questions {
			all = append(all, qu.Hint.In("en"))
		}
	}
	for _, s := range d.Steps {
		all = append(all, s.Text.In("en"))
	}
	for _, c := range d.Contacts {
		all = append(all, c.Purpose.In("en"))
		if c.ID == "nysdol" {
			assert.NotContains(t, c.Purpose.In("en"), "whatever", "the research says this of the US DOL, not NYS DOL")
		}
	}
	text := strings.Join(all, "\n")
	for _, claim := range []string{"debt bondage is a means named in", "the TVPA does not name", "buying or brokering"} {
		assert.NotContains(t, text, claim)
	}
	// The adult rule of the sex form never speaks of a child.
	for _, l := range set.Module("sex").Levels {
		if l.When.RedFlag != "minor" {
			assert.False(t, strings.HasPrefix(l.Explain.In("en"), "A person under 18"), l.Explain.In("en"))
		}
	}
}
