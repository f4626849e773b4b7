// Package locale holds the program's own words (prompts, headings, the
// built-in answers) in each language it ships. Questionnaire wording lives in
// the YAML files; this is only the frame around it.
package locale

import (
	"fmt"
	"slices"
	"sort"
)

// Default is the language used when none is asked for.
const Default = "en"

// Langs lists the languages the program's own words are written in.
func Langs() []string {
	var l []string
	for k := range catalog {
		l = append(l, k)
	}
	sort.Strings(l)
	return l
}

// Supported reports whether lang has a catalog.
func Supported(lang string) bool { return slices.Contains(Langs(), lang) }

// T returns the message for key in lang, formatted with args, falling back
// to English. A missing key is a programming error caught by the tests.
func T(lang, key string, args ...any) string {
	m, ok := catalog[lang][key]
	if !ok {
		m, ok = catalog[Default][key]
	}
	if !ok {
		// Visible, so that a test of any output catches a missing message.
		return "{" + key + "}"
	}
	if len(args) == 0 {
		return m
	}
	return fmt.Sprintf(m, args...)
}

var catalog = map[string]map[string]string{
	"en": {
		"yes":               "Yes",
		"no":                "No",
		"not_sure":          "Not sure",
		"prefer_not_to_say": "Prefer not to say",

		"section":        "%s: question %d of %d.",
		"ask_person":     "Ask the person: %s",
		"ask_screener":   "Your observation: %s",
		"hint":           "Note for you: %s",
		"prompt_one":     "Type a number from 1 to %d and press Enter, or q to stop:",
		"prompt_many":    "Type one or more numbers from 1 to %d, separated by spaces, and press Enter, or q to stop:",
		"invalid":        "%q is not one of the answers. The answers are: %s.",
		"invalid_alone":  "%q must be the only answer when it is chosen.",
		"start":          "htscreen: a screening for indicators of human trafficking. It is not a determination. Nothing is saved. Press q and Enter at any prompt to stop; nothing is shown when you stop.",
		"opening":        "Before you begin",
		"aborted":        "Screening stopped. Nothing was saved and no result is shown.",
		"input_ended":    "The input ended before the screening was complete. Nothing was saved and no result is shown.",
		"unused_answers": "Note: these answers were not used because skip logic or the triage did not ask their questions: %s",

		"report_title":         "Screening result",
		"not_determination":    "This is a screening, not a determination. It shows indicators found by these questions; it does not decide whether anyone is or is not a victim of trafficking.",
		"red_flags":            "Act first",
		"no_red_flags":         "No red flags were raised.",
		"forms":                "By form",
		"level_refer":          "Refer for specialised assessment",
		"level_concern":        "Concern: follow up privately",
		"level_none":           "No indicators found by this screen",
		"not_screened":         "Not screened",
		"not_selected":         "this module was not chosen for this screening",
		"not_routed":           "the triage answers did not point to this form",
		"no_module":            "the questionnaire set has no module for this form",
		"incomplete":           "Incomplete: key questions were not answered, so this level may be too low.",
		"incomplete_refer":     "Key questions were not answered; ask them when it is safe to do so.",
		"sources":              "Sources",
		"form_labor":           "Labor trafficking",
		"form_sex":             "Sex trafficking",
		"form_forced_marriage": "Forced marriage",
		"form_organ":           "Trafficking for organ removal",
		"unknown":              "Not known",
		"why_level":            "Why",
		"indicators":           "Indicators found",
		"because":              "answer: %s",
		"source":               "source",
		"dimensions":           "Dimensions",
		"present":              "present",
		"absent":               "not present",
		"guidance":             "What to do next",
		"questions_asked":      "Questions asked: %d",
		"versions":             "Questionnaires",
		"contacts_verified":    "Contacts last verified %s",
		"tui_title":            "htscreen: screening for indicators of human trafficking",
		"tui_start":            "This is a screening, not a determination. Nothing is saved. Esc or Ctrl+C leaves at once from any screen: the screen is cleared and nothing is shown. Shift+Tab goes back one question. Every question can be answered \"Not sure\" or \"Prefer not to say\".",
		"check_title":          "Before you begin (a reminder; select with x or space)",
		"check_alone":          "The person is alone with me, away from anyone who came with them",
		"check_interpreter":    "If we do not share a language, a professional interpreter is helping (never a family member or companion)",
		"check_skip":           "The person knows they may skip any question",
		"region_prompt":        "Where are you?",
		"region_nyc":           "New York City",
		"region_nys":           "Elsewhere in New York State",
		"choose_one":           "Choose at least one answer, or Not sure.",
		"choose_alone":         "Not sure and Prefer not to say must be chosen alone.",
		"too_small":            "The terminal is too small (%d x %d). Make it at least %d x %d, or press Esc to leave. Nothing has been kept.",
		"tui_keys":             "Esc: leave now, nothing is kept - Shift+Tab: back",
		"result_keys":          "Up/Down, PgUp/PgDn: scroll - q: close (the result is not kept) - Esc: leave now",
		"stale_contacts":       "WARNING: the contacts were last verified on %s, more than a year ago. Contacts change: check every number before you use it.",
		"verify_before_use":    "verify before use",
		"for_roles":            "for %s",
		"applies_when":         "applies when",
		"role_prompt":          "Which best describes you? The guidance at the end depends on it.",
		"resources_title":      "Referral directory",
		"line_phone":           "phone",
		"line_text":            "text",
		"line_tty":             "TTY",
		"line_fax":             "fax",
		"role_police":          "Police officer",
		"role_shelter":         "Shelter or social services staff",
		"role_health":          "Health worker",
		"role_trainer":         "Trainer (workshop)",
	},
	"es": {
		"yes":               "Sí",
		"no":                "No",
		"not_sure":          "No está seguro/a",
		"prefer_not_to_say": "Prefiere no decirlo",

		"section":        "%s: pregunta %d de %d.",
		"ask_person":     "Pregunte a la persona: %s",
		"ask_screener":   "Su observación: %s",
		"hint":           "Nota para usted: %s",
		"prompt_one":     "Escriba un número del 1 al %d y pulse Enter, o q para detenerse:",
		"prompt_many":    "Escriba uno o más números del 1 al %d, separados por espacios, y pulse Enter, o q para detenerse:",
		"invalid":        "%q no es una de las respuestas. Las respuestas son: %s.",
		"invalid_alone":  "%q debe ser la única respuesta cuando se elige.",
		"start":          "htscreen: una evaluación de indicios de trata de personas. No es una determinación. No se guarda nada. Escriba q y pulse Enter en cualquier pregunta para detenerse; al detenerse no se muestra nada.",
		"opening":        "Antes de empezar",
		"aborted":        "Evaluación detenida. No se guardó nada y no se muestra ningún resultado.",
		"input_ended":    "La entrada terminó antes de completar la evaluación. No se guardó nada y no se muestra ningún resultado.",
		"unused_answers": "Nota: estas respuestas no se usaron porque la lógica de saltos o el triaje no hicieron sus preguntas: %s",

		"report_title":         "Resultado de la evaluación",
		"not_determination":    "Esto es una evaluación inicial, no una determinación. Muestra los indicios que encontraron estas preguntas; no decide si alguien es o no víctima de trata.",
		"red_flags":            "Actúe primero",
		"no_red_flags":         "No se activó ninguna alerta.",
		"forms":                "Por forma de trata",
		"level_refer":          "Derivar para una evaluación especializada",
		"level_concern":        "Preocupación: hacer seguimiento en privado",
		"level_none":           "Esta evaluación no encontró indicios",
		"not_screened":         "No evaluado",
		"not_selected":         "este módulo no se eligió para esta evaluación",
		"not_routed":           "las respuestas del triaje no apuntaron a esta forma",
		"no_module":            "el conjunto de cuestionarios no tiene un módulo para esta forma",
		"incomplete":           "Incompleto: no se respondieron preguntas clave, así que este nivel puede ser demasiado bajo.",
		"incomplete_refer":     "No se respondieron preguntas clave; hágalas cuando sea seguro.",
		"sources":              "Fuentes",
		"form_labor":           "Trata laboral",
		"form_sex":             "Trata con fines de explotación sexual",
		"form_forced_marriage": "Matrimonio forzado",
		"form_organ":           "Trata con fines de extracción de órganos",
		"unknown":              "Se desconoce",
		"why_level":            "Por qué",
		"indicators":           "Indicios encontrados",
		"because":              "respuesta: %s",
		"source":               "fuente",
		"dimensions":           "Dimensiones",
		"present":              "presente",
		"absent":               "no presente",
		"guidance":             "Qué hacer ahora",
		"questions_asked":      "Preguntas hechas: %d",
		"versions":             "Cuestionarios",
		"contacts_verified":    "Contactos verificados por última vez el %s",
		"tui_title":            "htscreen: evaluación de indicios de trata de personas",
		"tui_start":            "Esto es una evaluación inicial, no una determinación. No se guarda nada. Esc o Ctrl+C sale de inmediato desde cualquier pantalla: la pantalla se borra y no se muestra nada. Mayús+Tab vuelve a la pregunta anterior. Cada pregunta se puede responder \"No está seguro/a\" o \"Prefiere no decirlo\".",
		"check_title":          "Antes de empezar (un recordatorio; marque con x o espacio)",
		"check_alone":          "La persona está a solas conmigo, lejos de quien la acompañaba",
		"check_interpreter":    "Si no compartimos idioma, ayuda un intérprete profesional (nunca un familiar o acompañante)",
		"check_skip":           "La persona sabe que puede saltarse cualquier pregunta",
		"region_prompt":        "¿Dónde está usted?",
		"region_nyc":           "Ciudad de Nueva York",
		"region_nys":           "En otro lugar del Estado de Nueva York",
		"choose_one":           "Elija al menos una respuesta, o No está seguro/a.",
		"choose_alone":         "No está seguro/a y Prefiere no decirlo deben elegirse solos.",
		"too_small":            "La terminal es demasiado pequeña (%d x %d). Agrándela al menos a %d x %d, o pulse Esc para salir. No se ha guardado nada.",
		"tui_keys":             "Esc: salir ahora, no se guarda nada - Mayús+Tab: volver",
		"result_keys":          "Arriba/Abajo, RePág/AvPág: desplazar - q: cerrar (el resultado no se guarda) - Esc: salir ahora",
		"stale_contacts":       "ADVERTENCIA: los contactos se verificaron por última vez el %s, hace más de un año. Los contactos cambian: compruebe cada número antes de usarlo.",
		"verify_before_use":    "verificar antes de usar",
		"for_roles":            "para %s",
		"applies_when":         "se aplica cuando",
		"role_prompt":          "¿Qué le describe mejor? La orientación al final depende de ello.",
		"resources_title":      "Directorio de derivación",
		"line_phone":           "teléfono",
		"line_text":            "texto",
		"line_tty":             "TTY",
		"line_fax":             "fax",
		"role_police":          "Policía",
		"role_shelter":         "Personal de albergue o servicios sociales",
		"role_health":          "Personal de salud",
		"role_trainer":         "Formador o formadora (taller)",
	},
}
