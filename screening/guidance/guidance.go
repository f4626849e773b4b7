// Package guidance turns a result into next steps, most urgent first.
//
// This is the interim version that ships with the engine: it gives only the
// first steps that do not depend on role or region, with the most stable
// contacts from research/referrals-ny.md. The full New York directory, with
// role- and region-specific steps, replaces it (issue 4). Every number here
// is in that research file with the source given beside it.
package guidance

import (
	"github.com/htscreen/htscreen/screening/rules"
)

// Roles and regions the guidance is chosen for.
var (
	Roles   = []string{"police", "shelter", "health", "trainer"}
	Regions = []string{"nyc", "nys"}
)

// Step is one thing to do, with the source for its contacts or law.
type Step struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Source string `json:"source,omitempty"`
}

// Verified is the date the contacts below were last checked against
// research/referrals-ny.md (archived copies of the sources).
const Verified = "2026-11-26"

const (
	srcOTDA    = "https://otda.ny.gov/programs/bria/trafficking.asp"
	srcHotline = "https://humantraffickinghotline.org/about-us/what-we-do"
	srcSCR     = "http://www.cortland-co.org/FAQ.aspx?QID=234"
	srcMinor   = "22 U.S.C. §7102 (https://definitions.uslegal.com/s/severe-forms-of-trafficking-in-persons/); NY Penal Law §230.34-a (https://www.nysenate.gov/legislation/bills/2017/s5988/amendment/a)"
)

var steps = map[string]map[string]string{
	"emergency": {
		"en": "Immediate danger: call 911 now. Keep the person apart from anyone who may be controlling them, and put their safety and medical care before any further questions.",
		"es": "Peligro inmediato: llame al 911 ahora. Mantenga a la persona separada de quien pueda estar controlándola, y ponga su seguridad y su atención médica antes de cualquier otra pregunta.",
	},
	"minor": {
		"en": "A person under 18 in commercial sex is a victim of child sex trafficking in law, with no force, fraud or coercion needed. Treat them as a victim, never as an offender. Mandated reporters call the NYS Statewide Central Register at 1-800-635-1522 (public line 1-800-342-3720).",
		"es": "Una persona menor de 18 años en comercio sexual es, según la ley, víctima de trata sexual infantil, sin que haga falta fuerza, fraude o coacción. Trátela como víctima, nunca como infractora. Los informantes obligatorios (mandated reporters) llaman al Registro Central del Estado de NY (Statewide Central Register) al 1-800-635-1522 (línea para el público: 1-800-342-3720).",
	},
	"one_chance": {
		"en": "Forced marriage with imminent risk: act now. See the person alone. Never contact, inform or mediate with the family or community.",
		"es": "Matrimonio forzado con riesgo inminente: actúe ahora. Vea a la persona a solas. Nunca contacte, informe ni medie con la familia o la comunidad.",
	},
	"hotline": {
		"en": "National Human Trafficking Hotline, 24 hours, more than 200 languages: call 1-888-373-7888 or text 233733. It is not law enforcement or immigration.",
		"es": "Línea Nacional contra la Trata de Personas (National Human Trafficking Hotline), las 24 horas, en más de 200 idiomas: llame al 1-888-373-7888 o envíe un texto al 233733. No es la policía ni inmigración.",
	},
	"none": {
		"en": "This screen found no indicators. That is not a finding that the person is safe. If anything changes, or you remain worried, the National Human Trafficking Hotline can advise: 1-888-373-7888.",
		"es": "Esta evaluación no encontró indicios. Eso no significa que la persona esté a salvo. Si algo cambia o usted sigue preocupado/a, la Línea Nacional contra la Trata puede orientarle: 1-888-373-7888.",
	},
	"interim": {
		"en": "Role- and region-specific New York referral steps are not yet in this version; check local protocols.",
		"es": "Esta versión aún no incluye los pasos de derivación de Nueva York según su función y región; consulte los protocolos locales.",
	},
}

// For returns the steps for a result, in the order they must happen.
func For(r *rules.Result, lang string) []Step {
	var out []Step
	add := func(id, src string) {
		t := steps[id][lang]
		if t == "" {
			t = steps[id]["en"]
		}
		out = append(out, Step{ID: id, Text: t, Source: src})
	}
	for _, f := range r.RedFlags {
		switch f.ID {
		case "emergency":
			add("emergency", srcOTDA)
		case "minor":
			add("minor", srcMinor+"; SCR: "+srcSCR)
		case "one_chance":
			add("one_chance", "https://gov.scot/publications/forced-marriage-practitioner-guidance-update-2014/pages/3")
		}
	}
	anyLevel := len(r.RedFlags) > 0
	for _, f := range r.Forms {
		if f.Level != rules.None {
			anyLevel = true
		}
	}
	if anyLevel {
		add("hotline", srcHotline)
	} else {
		add("none", srcHotline)
	}
	add("interim", "")
	return out
}
