package terminal

import (
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// Languages are who reads what: the screener reads the program's words, the
// notes, observations and result in Screener; a question put to the person
// is shown in Person first and in Screener beneath it, so that both read the
// same question. Person is empty, or equal to Screener, when the person
// reads the screener's language: everything is then shown once.
type Languages struct {
	Screener, Person string
}

// bilingual reports whether qu is shown in both languages: only questions
// asked of the person are; an observation is the screener's own.
func (l Languages) bilingual(qu *q.Question) bool {
	return l.Person != "" && l.Person != l.Screener && qu.AskedOf == q.Person
}

// question returns the question as the screener says it, then, when it is
// put to the person in their own language, the screener's wording beneath
// (second is empty otherwise).
func (l Languages) question(qu *q.Question) (first, second string) {
	key := "ask_person"
	if qu.AskedOf == q.Screener {
		key = "ask_screener"
	}
	if !l.bilingual(qu) {
		return locale.T(l.Screener, key, qu.Text.In(l.Screener)), ""
	}
	return locale.T(l.Screener, key, qu.Text.In(l.Person)), qu.Text.In(l.Screener)
}

// answer is how an answer reads: "Sí / Yes" for a person's question in two
// languages, once when both read the same ("No").
func (l Languages) answer(qu *q.Question, id string) string {
	s := qu.AnswerText(id, l.Screener)
	if !l.bilingual(qu) {
		return s
	}
	if p := qu.PersonAnswerText(id, l.Person); p != s {
		return p + " / " + s
	}
	return s
}

// Card is the few words the person is shown before the first question, in
// their language and the screener's beneath; empty when the person reads
// the screener's language (the checklist reminds the screener to say it).
func (l Languages) Card() string {
	if l.Person == "" || l.Person == l.Screener {
		return ""
	}
	return locale.T(l.Person, "person.card") + "\n" + locale.T(l.Screener, "person.card")
}
