package guidance_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/questionnaires"
	"github.com/htscreen/htscreen/screening/guidance"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

func load(t *testing.T) (*q.Set, *guidance.Directory) {
	t.Helper()
	set, err := q.Load(questionnaires.FS(), q.Options{})
	require.NoError(t, err)
	d, err := guidance.Load(questionnaires.Guidance(), set, []string{"es"})
	require.NoError(t, err)
	return set, d
}

// result builds a result with the given levels (screened forms only), red
// flags, fired indicators and answers.
func result(set *q.Set, levels map[string]string, flags []string, indicators []string, a q.Answers) *rules.Result {
	r := &rules.Result{Answers: a}
	for _, id := range q.Forms() {
		f := &rules.Form{Form: id, Level: rules.None}
		if l, ok := levels[id]; ok {
			f.Screened, f.Level = true, rules.Level(l)
		}
		r.Forms = append(r.Forms, f)
	}
	for _, id := range indicators {
		ind := set.Indicator(id)
		for _, f := range r.Forms {
			if f.Form == ind.File.ID {
				f.Indicators = append(f.Indicators, &rules.Fired{Indicator: ind})
			}
		}
	}
	for _, f := range flags {
		r.RedFlags = append(r.RedFlags, &rules.Flag{ID: f})
	}
	return r
}

func ids(p *guidance.Plan) []string {
	var out []string
	for _, s := range p.Steps {
		out = append(out, s.ID)
	}
	return out
}

func contactIDs(p *guidance.Plan) []string {
	var out []string
	for _, s := range p.Steps {
		for _, c := range s.Contacts {
			out = append(out, c.ID)
		}
	}
	return out
}

func allText(p *guidance.Plan) string {
	var b strings.Builder
	for _, s := range p.Steps {
		b.WriteString(s.Text + "\n")
		for _, c := range s.Contacts {
			b.WriteString(c.Name + " " + c.Purpose + "\n")
		}
	}
	return b.String()
}

// familyContact finds a sentence that mentions the family or community
// without forbidding contact with them.
var familySentence = regexp.MustCompile(`[^.:;]*\b(family|families|relatives|parents|community)\b[^.:;]*`)

func suggestsFamilyContact(text string) []string {
	var bad []string
	for _, s := range familySentence.FindAllString(text, -1) {
		l := strings.ToLower(s)
		if !strings.Contains(l, "never") && !strings.Contains(l, "do not") && !strings.Contains(l, "not ") &&
			!strings.Contains(l, "keep") && !strings.Contains(l, "violence") && !strings.Contains(l, "justice center") {
			bad = append(bad, strings.TrimSpace(s))
		}
	}
	return bad
}

// arrestFraming finds sentences that speak of arresting, charging or
// treating the person as an offender, other than to forbid it.
func arrestFraming(text string) []string {
	var bad []string
	for _, s := range regexp.MustCompile(`[^.;]+`).FindAllString(text, -1) {
		l := strings.ToLower(s)
		if !regexp.MustCompile(`\barrest|\boffender|\bcharge[sd]?\b`).MatchString(l) {
			continue
		}
		if regexp.MustCompile(`\bnever\b|\bnot\b|\bbarred\b`).MatchString(l) {
			continue
		}
		bad = append(bad, strings.TrimSpace(s))
	}
	return bad
}

func TestRequiredFirstStepsAndForbiddenOnes(t *testing.T) {
	set, d := load(t)
	tests := []struct {
		name    string
		levels  map[string]string
		flags   []string
		answers q.Answers
		first   string
		// trainerFirst is the first step for a trainer, or with no role,
		// where it differs: a trainer's own duties come before the rest.
		trainerFirst string
		must         []string
		mustNot      []string
		forbidden    func(t *testing.T, text string)
	}{
		{name: "emergency comes first", levels: map[string]string{"labor": "concern"}, flags: []string{"emergency"},
			first: "emergency", must: []string{"hotline", "medical"}},
		{name: "minor", levels: map[string]string{"sex": "refer"}, flags: []string{"minor"}, answers: q.Answers{"age_band": {"under_18"}},
			first: "minor_victim", must: []string{"child_protection", "minor_services", "hotline"},
			forbidden: func(t *testing.T, text string) {
				assert.Empty(t, arrestFraming(text), "no arrest framing for a child")
			}},
		{name: "emergency before minor", levels: map[string]string{"sex": "refer"}, flags: []string{"emergency", "minor"},
			first: "emergency", must: []string{"minor_victim"}},
		{name: "one chance", levels: map[string]string{"forced_marriage": "refer"}, flags: []string{"one_chance"},
			first: "one_chance", must: []string{"forced_marriage_services", "forced_marriage_no_mediation"},
			forbidden: func(t *testing.T, text string) {
				assert.Empty(t, suggestsFamilyContact(text), "forced-marriage guidance must never suggest contacting the family")
			}},
		{name: "one chance under 18", levels: map[string]string{"forced_marriage": "refer"}, flags: []string{"one_chance"}, answers: q.Answers{"age_band": {"under_18"}},
			first: "one_chance", must: []string{"child_protection", "child_marriage"},
			forbidden: func(t *testing.T, text string) { assert.Empty(t, suggestsFamilyContact(text)) }},
		{name: "forced marriage concern", levels: map[string]string{"forced_marriage": "concern"},
			first: "consent", trainerFirst: "trainer_disclosure", must: []string{"hotline", "forced_marriage_no_mediation", "concern_follow_up"}, mustNot: []string{"one_chance"},
			forbidden: func(t *testing.T, text string) { assert.Empty(t, suggestsFamilyContact(text)) }},
		{name: "labor refer", levels: map[string]string{"labor": "refer"},
			first: "consent", trainerFirst: "trainer_disclosure", must: []string{"hotline", "immigration_help", "labor_services", "medical"}, mustNot: []string{"concern_follow_up", "none_found"}},
		{name: "sex refer", levels: map[string]string{"sex": "refer"},
			first: "consent", trainerFirst: "trainer_disclosure", must: []string{"hotline", "immigration_help", "medical"}},
		{name: "labor concern", levels: map[string]string{"labor": "concern"},
			first: "consent", trainerFirst: "trainer_disclosure", must: []string{"hotline", "concern_follow_up", "labor_rights"}, mustNot: []string{"medical"}},
		{name: "organ refer", levels: map[string]string{"organ": "refer"},
			first: "consent", trainerFirst: "trainer_disclosure", must: []string{"immigration_help", "organ_report", "organ_care"}, mustNot: []string{"hotline", "confirmation_police", "confirmation_provider"}},
		{name: "organ concern", levels: map[string]string{"organ": "concern"},
			first: "consent", trainerFirst: "trainer_disclosure", must: []string{"organ_care", "concern_follow_up"}, mustNot: []string{"organ_report"}},
		{name: "none", levels: map[string]string{"labor": "none", "sex": "none"},
			first: "none_found", mustNot: []string{"hotline", "concern_follow_up"}},
		{name: "nothing screened", levels: map[string]string{}, first: "none_found"},
	}
	for _, tt := range tests {
		for _, role := range append(guidance.Roles(), "") {
			t.Run(tt.name+"/"+role, func(t *testing.T) {
				p := guidance.For(d, result(set, tt.levels, tt.flags, nil, tt.answers), guidance.Options{Role: role, Region: "nyc", Lang: "en"})
				got := ids(p)
				require.NotEmpty(t, got)
				want := tt.first
				if tt.trainerFirst != "" && (role == "trainer" || role == "") {
					want = tt.trainerFirst
				}
				assert.Equal(t, want, got[0])
				for _, m := range tt.must {
					assert.Contains(t, got, m)
				}
				for _, m := range tt.mustNot {
					assert.NotContains(t, got, m)
				}
				if tt.forbidden != nil {
					tt.forbidden(t, allText(p))
				}
				for _, s := range p.Steps {
					require.NotEmpty(t, s.Text, s.ID)
				}
			})
		}
	}
}

func TestRoleSpecificSteps(t *testing.T) {
	set, d := load(t)
	r := result(set, map[string]string{"labor": "refer"}, nil, nil, nil)
	plan := func(role string) []string {
		return ids(guidance.For(d, r, guidance.Options{Role: role, Region: "nyc", Lang: "en"}))
	}
	police := plan("police")
	assert.Contains(t, police, "confirmation_police", "police must notify OTDA and DCJS")
	assert.Contains(t, police, "victim_centred")
	assert.NotContains(t, police, "confirmation_provider")
	assert.NotContains(t, police, "intake")

	shelter := plan("shelter")
	assert.Contains(t, shelter, "confirmation_provider", "providers refer only with consent")
	assert.Contains(t, shelter, "intake")
	assert.NotContains(t, shelter, "confirmation_police")

	trainer := guidance.For(d, r, guidance.Options{Role: "trainer", Region: "nyc", Lang: "en"})
	assert.Contains(t, ids(trainer), "trainer_disclosure", "a trainer who hears a disclosure gets a trainer's duties")
	assert.NotContains(t, ids(trainer), "confirmation_police", "and not a police officer's")
	assert.NotContains(t, ids(trainer), "victim_centred")
	for _, s := range trainer.Steps {
		assert.NotEmpty(t, s.AppliesWhen, "a trainer sees why %s applies", s.ID)
	}

	unknown := guidance.For(d, r, guidance.Options{Region: "nyc", Lang: "en"})
	for _, s := range unknown.Steps {
		if s.ID == "confirmation_police" {
			assert.Equal(t, []string{"police"}, s.Roles, "with no role, a role's step says whose it is")
		}
	}

	text := allText(guidance.For(d, r, guidance.Options{Role: "police", Region: "nyc", Lang: "en"}))
	assert.Contains(t, text, "must notify OTDA and DCJS")
	assert.Contains(t, allText(guidance.For(d, r, guidance.Options{Role: "shelter", Region: "nyc", Lang: "en"})), "only with their consent")
}

func TestRegion(t *testing.T) {
	set, d := load(t)
	r := result(set, map[string]string{"labor": "refer", "sex": "refer", "forced_marriage": "refer"}, nil, nil, nil)
	nyc := contactIDs(guidance.For(d, r, guidance.Options{Role: "shelter", Region: "nyc", Lang: "en"}))
	nys := contactIDs(guidance.For(d, r, guidance.Options{Role: "shelter", Region: "nys", Lang: "en"}))
	for _, id := range []string{"fjc", "safe_horizon_hotline", "legal_aid_eip"} {
		assert.Contains(t, nyc, id)
		assert.NotContains(t, nys, id, "%s serves New York City only", id)
	}
	assert.Contains(t, nys, "wjcny")
	assert.NotContains(t, nyc, "wjcny")
	assert.Contains(t, ids(guidance.For(d, r, guidance.Options{Role: "shelter", Region: "nys", Lang: "en"})), "regional_services")
}

func TestWageDisputeStillGetsALaborRightsReferral(t *testing.T) {
	set, d := load(t)
	r := result(set, map[string]string{"labor": "none"}, nil, nil, q.Answers{"works_for_someone": {"now"}})
	got := ids(guidance.For(d, r, guidance.Options{Role: "shelter", Region: "nyc", Lang: "en"}))
	assert.Contains(t, got, "labor_rights")
	assert.Contains(t, got, "none_found")
}

func TestStaleWarning(t *testing.T) {
	set, d := load(t)
	r := result(set, nil, nil, nil, nil)
	fresh := guidance.For(d, r, guidance.Options{Lang: "en", Now: d.Verified.AddDate(0, 11, 0)})
	assert.False(t, fresh.Stale)
	assert.Empty(t, fresh.Warning)
	old := guidance.For(d, r, guidance.Options{Lang: "en", Now: d.Verified.AddDate(1, 0, 2)})
	assert.True(t, old.Stale)
	assert.Contains(t, old.Warning, "more than a year ago")
	_, head := guidance.Resources(d, "", "", guidance.Options{Lang: "es", Now: d.Verified.AddDate(2, 0, 0)})
	assert.Contains(t, head.Warning, "hace más de un año")
}

func TestEveryContactHasSourceAndDate(t *testing.T) {
	_, d := load(t)
	require.NotEmpty(t, d.Contacts)
	for _, c := range d.Contacts {
		assert.NotEmpty(t, c.Source, c.ID)
		_, err := time.Parse(time.DateOnly, c.Verified)
		assert.NoError(t, err, c.ID)
		assert.True(t, len(c.Lines) > 0 || c.Web != "" || c.Email != "" || c.Caution.In("en") != "" || c.Purpose.In("en") != "", c.ID)
	}
}

// Every number shipped in the guidance must stand in the research it comes
// from. A number typed wrong, or from memory, fails here. The research is
// copied into testdata/research (its first line says from where), so that
// the test never reads outside the repository.
func TestEveryNumberIsInTheResearch(t *testing.T) {
	research, err := os.ReadFile("../../testdata/research/referrals-ny.md")
	require.NoError(t, err)
	files, err := os.ReadDir("../../questionnaires/guidance")
	require.NoError(t, err)
	number := regexp.MustCompile(`number: "([^"]+)"`)
	n := 0
	for _, f := range files {
		data, err := os.ReadFile("../../questionnaires/guidance/" + f.Name())
		require.NoError(t, err)
		for _, m := range number.FindAllStringSubmatch(string(data), -1) {
			n++
			// Verbatim, and not as part of a longer number.
			re := regexp.MustCompile(`(^|[^0-9])` + regexp.QuoteMeta(m[1]) + `([^0-9]|$)`)
			assert.True(t, re.Match(research), "%s: %s is not in research/referrals-ny.md", f.Name(), m[1])
		}
	}
	assert.Greater(t, n, 20, "the test must see the numbers it checks")
}

func TestLoadErrors(t *testing.T) {
	set, _ := load(t)
	contacts := `verified: "2026-11-26"
contacts:
  - id: a
    name: {en: A}
    purpose: {en: P}
    lines: [{kind: phon, number: "555-0100"}]
    forms: [labour]
    regions: [nyc]
`
	steps := `steps:
  - id: s
    order: 1
    when: {form: labor, level: [refer]}
    text: {en: T}
    contacts: [b]
  - id: s2
    order: 2
    when: {indicator: nope}
    text: {en: T}
`
	_, err := guidance.Load(fstest.MapFS{"contacts.yaml": {Data: []byte(contacts)}, "steps.yaml": {Data: []byte(steps)}}, set, nil)
	require.Error(t, err)
	assert.Equal(t, `contacts.yaml:3:5: contact "a" needs a "source": the page its facts come from
contacts.yaml:3:5: missing "verified": the date the fact was last checked, as YYYY-MM-DD
contacts.yaml:6:20: unknown line kind "phon"; use one of: phone, text, tty, fax
contacts.yaml:7:12: unknown value "labour" in "forms"; use: labor, sex, forced_marriage, organ
steps.yaml:6:15: step "s" names unknown contact "b"
steps.yaml:9:23: unknown indicator "nope": no questionnaire in the set defines it`, err.Error())
}

func TestTriageOnlyGuidance(t *testing.T) {
	set, d := load(t)
	r := result(set, map[string]string{}, nil, nil, nil)
	r.Forms[0].NotScreened = rules.Routed // labor
	for _, role := range guidance.Roles() {
		got := ids(guidance.For(d, r, guidance.Options{Role: role, Region: "nyc", Lang: "en"}))
		assert.Contains(t, got, "triage_follow_up", role)
		assert.Contains(t, got, "hotline", role)
		assert.NotContains(t, got, "none_found", "signs at triage are not 'no indicators' (%s)", role)
	}
	assert.Contains(t, ids(guidance.For(d, r, guidance.Options{Role: "police", Region: "nyc", Lang: "en"})), "victim_centred")
}

func TestCompanionComesEarly(t *testing.T) {
	set, d := load(t)
	r := result(set, map[string]string{"labor": "concern"}, nil, nil, q.Answers{"obs_signs": {"companion_control"}})
	got := ids(guidance.For(d, r, guidance.Options{Role: "police", Region: "nyc", Lang: "en"}))
	require.NotEmpty(t, got)
	assert.Equal(t, "companion_present", got[0], "separate the person from a controlling companion before anything else")
}
