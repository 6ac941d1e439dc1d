"""Spanish strings (usted, plain words). Same keys as text_en.py."""

S = {}

S.update({
    "answer.yes": "Sí",
    "answer.no": "No",
    "answer.unsure": "No lo sé",
})

Q = {
    "chest_exertion": (
        "¿Siente dolor, presión u opresión en el pecho cuando hace un esfuerzo, o se queda sin "
        "aire con menos esfuerzo que antes?",
        "Dolor de pecho o falta de aire con el esfuerzo",
        "Gracias por decírnoslo. Por favor, hable ahora con alguien del personal antes de "
        "continuar. Los síntomas del pecho los debe revisar primero un médico."),
    "chest_pain": (
        "¿Tiene dolor en el pecho ahora, o un dolor de pecho nuevo que no ha revisado un médico?",
        "Dolor de pecho ahora, o nuevo y sin revisar",
        "Gracias por decírnoslo. Por favor, hable ahora con alguien del personal. Un dolor de "
        "pecho nuevo lo debe revisar un médico antes del masaje."),
    "calf_swollen": (
        "¿Tiene una pantorrilla hinchada, caliente, roja o que duele al tocarla?",
        "Pantorrilla hinchada, caliente o roja",
        "Gracias por decírnoslo. Por favor, hable ahora con alguien del personal. Una "
        "pantorrilla hinchada y caliente la debe revisar un médico antes de cualquier masaje."),
    "saddle_numbness": (
        "¿Siente adormecimiento o una sensación extraña entre las piernas, alrededor de las "
        "nalgas o en la parte interior de los muslos?",
        "Adormecimiento entre las piernas (en silla de montar)",
        "Gracias por decírnoslo. Por favor, hable ahora con alguien del personal. Este tipo de "
        "adormecimiento lo debe ver un médico hoy mismo."),
    "bladder_bowel": (
        "¿Ha tenido hace poco problemas nuevos con la orina o el intestino? Por ejemplo, "
        "escapes, no poder orinar o no notar cuándo tiene que ir al baño.",
        "Problemas nuevos de vejiga o intestino",
        "Gracias por decírnoslo. Por favor, hable ahora con alguien del personal. Los problemas "
        "nuevos de vejiga o intestino junto con dolor de espalda los debe ver un médico hoy."),
    "leg_weakness": (
        "¿Siente que una o las dos piernas se le debilitan cada vez más, o tropieza o arrastra "
        "un pie más que antes?",
        "Piernas cada vez más débiles",
        "Gracias por decírnoslo. Por favor, hable ahora con alguien del personal. Unas piernas "
        "que se debilitan las debe revisar primero un médico."),
    "blood_clot": (
        "¿Ha tenido alguna vez un coágulo de sangre, por ejemplo en la pierna (trombosis) o en "
        "el pulmón?",
        "Coágulo de sangre en el pasado (trombosis)",
        "Gracias. Su terapeuta hablará de esto con usted antes de empezar."),
    "recent_surgery": (
        "¿Le han operado en los últimos 6 meses?",
        "Operación en los últimos 6 meses",
        "Gracias. Su terapeuta le preguntará por esto antes de empezar."),
    "recent_injury": (
        "¿Ha tenido una caída, un accidente, un hueso roto u otra lesión en las últimas 6 semanas?",
        "Lesión o hueso roto en las últimas 6 semanas",
        "Gracias. Su terapeuta le preguntará por esto antes de empezar."),
    "blood_thinners": (
        "¿Toma algún medicamento para que la sangre no coagule (anticoagulante), o le salen "
        "moretones o sangra con facilidad?",
        "Anticoagulantes o sangra con facilidad",
        "Gracias. Su terapeuta usará menos presión donde haga falta y puede hacerle algunas "
        "preguntas."),
    "fever": (
        "¿Tiene hoy fiebre, escalofríos, un resfriado, gripe u otra infección?",
        "Fiebre o infección hoy",
        "Gracias. Su terapeuta verá con usted si hoy es un buen día para el tratamiento."),
    "pregnancy": (
        "¿Está embarazada, o podría estarlo?",
        "Embarazada o posible embarazo",
        "Gracias. Su terapeuta adaptará la postura y las zonas que trabaja."),
    "cancer": (
        "¿Está en tratamiento por cáncer ahora, o lo ha estado en el último año?",
        "Tratamiento de cáncer ahora o en el último año",
        "Gracias. Su terapeuta hablará con usted antes de empezar. Puede pedir la opinión de "
        "su médico antes de trabajar con más presión."),
    "osteoporosis": (
        "¿Le han dicho que tiene los huesos débiles o frágiles (osteoporosis)?",
        "Osteoporosis",
        "Gracias. Su terapeuta usará una presión suave sobre los huesos."),
    "skin": (
        "¿Tiene un sarpullido, un corte, una herida, una quemadura o una infección de la piel "
        "en una zona que le duele o que se va a tratar?",
        "Problema de piel en la zona de tratamiento",
        "Gracias. Su terapeuta no tocará esa zona de la piel."),
    "numbness": (
        "¿Tiene adormecimiento, hormigueo o debilidad en un brazo, una mano, una pierna o un pie?",
        "Adormecimiento o debilidad en un brazo o una pierna",
        "Gracias. Su terapeuta le hará algunas preguntas sobre esto antes de empezar."),
    "heart_pressure": (
        "¿Tiene una enfermedad del corazón, un marcapasos o la presión arterial alta sin controlar?",
        "Enfermedad del corazón, marcapasos o presión alta sin controlar",
        "Gracias. Su terapeuta hablará de esto con usted antes de empezar."),
    "night_weight": (
        "¿Le duele más por la noche o cuando no se mueve, o ha bajado de peso sin querer?",
        "Dolor de noche o pérdida de peso sin causa conocida",
        "Gracias. Su terapeuta hablará de esto con usted. Puede ser buena idea consultar "
        "también a su médico."),
}
for k, (text, staff, notice) in Q.items():
    S["q.%s" % k] = text
    S["q.%s.staff" % k] = staff
    S["q.%s.notice" % k] = notice

S.update({
    "quality.aching": "Dolorido",
    "quality.sharp": "Agudo",
    "quality.burning": "Ardor o calor",
    "quality.tingling": "Hormigueo o pinchazos",
    "quality.numb": "Adormecido",
    "quality.throbbing": "Palpitante, como latidos",
    "quality.stiff": "Rígido",
    "quality.cramping": "Como un calambre",
    "quality.dull": "Sordo, apagado",
    "quality.shooting": "Que se extiende o se mueve",
    "quality.tender": "Duele al tocar",
    "quality.tight": "Tenso o tirante",
    "quality.deep": "Profundo, difícil de señalar",
    "quality.electric": "Como una corriente eléctrica",
    "duration.under_1_week": "Menos de una semana",
    "duration.1_to_6_weeks": "De 1 a 6 semanas",
    "duration.6_weeks_to_3_months": "De 6 semanas a 3 meses",
    "duration.3_to_12_months": "De 3 meses a un año",
    "duration.over_1_year": "Más de un año",
    "pressure.light": "Suave",
    "pressure.medium": "Media",
    "pressure.firm": "Firme",
    "pressure.therapist": "Que decida su terapeuta",
    "avoid.face": "Cara",
    "avoid.scalp": "Cuero cabelludo y pelo",
    "avoid.neck": "Cuello",
    "avoid.chest": "Pecho",
    "avoid.belly": "Vientre",
    "avoid.buttocks": "Nalgas",
    "avoid.inner_thighs": "Parte interior de los muslos",
    "avoid.feet": "Pies",
    "avoid.hands": "Manos",
    "intensity.none": "Sin dolor",
    "intensity.mild": "Leve",
    "intensity.moderate": "Moderado",
    "intensity.severe": "Fuerte",
})

S.update({
    "page.what_is_tp.title": "¿Qué es un punto gatillo?",
    "page.what_is_tp.p1": "Un punto gatillo es un punto pequeño y sensible dentro de un músculo. "
                          "Se puede notar como un nudo o una banda tensa bajo la piel.",
    "page.what_is_tp.p2": "Al presionarlo suele doler más de lo que uno espera. También puede "
                          "enviar dolor a otra parte del cuerpo.",
    "page.what_is_tp.p3": "Suelen aparecer cuando un músculo trabaja demasiado, durante mucho "
                          "tiempo o repitiendo lo mismo. El estrés, dormir mal y pasar horas "
                          "sin moverse también influyen.",
    "page.what_is_tp.p4": "Los médicos e investigadores todavía discuten cómo funcionan los puntos "
                          "gatillo. Mucha gente nota alivio al tratarlos, pero la ciencia aún no "
                          "tiene la última palabra.",
    "page.referred_pain.title": "Dolor que aparece en otro lugar",
    "page.referred_pain.p1": "A veces el lugar que duele no es donde empieza el problema. A esto "
                             "se le llama dolor referido.",
    "page.referred_pain.p2": "Un punto tenso en el hombro puede dar dolor de cabeza en la sien. "
                             "Un punto profundo en la pantorrilla puede hacer doler el talón.",
    "page.referred_pain.p3": "Cada músculo suele enviar el dolor a las mismas zonas en la mayoría "
                             "de las personas. Estos mapas se llaman patrones de dolor referido.",
    "page.referred_pain.p4": "Los dibujos que usted eligió ayudan a su terapeuta a saber dónde "
                             "buscar. Aun así, lo comprobará en persona.",
    "page.session.title": "Cómo se siente el trabajo de puntos gatillo",
    "page.session.p1": "Su terapeuta busca un punto sensible y lo presiona de forma constante. "
                       "Cada presión suele durar entre 30 y 90 segundos.",
    "page.session.p2": "Debe sentirse como un «dolor que alivia». Como mucho, alrededor de 7 "
                       "de 10. A menudo el dolor baja mientras la presión sigue igual.",
    "page.session.p3": "Usted manda. Diga «más suave» o «pare» en cualquier momento y su "
                       "terapeuta cambiará enseguida.",
    "page.session.p4": "Su terapeuta le preguntará a menudo cómo va. Intente respirar despacio y "
                       "dejar que el músculo se afloje.",
    "page.aftercare.title": "Después de la sesión",
    "page.aftercare.p1": "Es normal notar algo de dolor muscular uno o dos días, como después de "
                         "hacer ejercicio.",
    "page.aftercare.p2": "Moverse con suavidad ayuda. Camine, estire un poco y use la zona con "
                         "normalidad. Una ducha caliente o una bolsa de calor pueden ayudar.",
    "page.aftercare.p3": "Si el dolor es fuerte, dura más de dos días o le preocupa, llame a la "
                         "clínica.",
    "page.aftercare.p4": "La próxima vez, cuéntele a su terapeuta cómo se sintió después. Así "
                         "podrá elegir mejor la presión.",
    "page.not_diagnosis.title": "Esto es información, no un diagnóstico",
    "page.not_diagnosis.p1": "Estas páginas explican patrones comunes de dolor muscular. No pueden "
                             "decirle qué causa su dolor.",
    "page.not_diagnosis.p2": "El dolor puede tener muchas causas y algunas necesitan un médico. Si "
                             "su dolor es nuevo, fuerte o va a peor, consulte a su médico.",
    "page.not_diagnosis.p3": "Su terapeuta usa sus respuestas como punto de partida y lo comprueba "
                             "todo en persona.",
})

S.update({
    "muscle.heading.what": "Dónde está y qué hace",
    "muscle.heading.refers": "A dónde envía el dolor",
    "muscle.heading.notice": "Qué puede notar",
    "muscle.heading.mistaken": "Con qué se suele confundir",
    "muscle.heading.overload": "Qué lo puede sobrecargar",
    "muscle.heading.therapist": "Qué puede hacer su terapeuta",
    "muscle.heading.selfcare": "Algo sencillo que puede probar",
    "muscle.heading.note": "Recuerde",
    "muscle.common.not_diagnosis": "Este es un patrón frecuente, no un diagnóstico. Su terapeuta "
                                   "comprobará qué ocurre de verdad. Consulte a un médico si su "
                                   "dolor es nuevo, fuerte o va a peor.",
})

S.update({
    "mimic.tension_headache": "Dolor de cabeza tensional",
    "mimic.migraine": "Migraña",
    "mimic.stiff_neck": "Cuello rígido (tortícolis)",
    "mimic.toothache": "Dolor de muelas",
    "mimic.jaw_joint": "Problemas de la articulación de la mandíbula (ATM)",
    "mimic.sinus_trouble": "Sinusitis",
    "mimic.ear_trouble": "Problemas de oído",
    "mimic.dizziness": "Mareo",
    "mimic.thoracic_outlet": "Síndrome del desfiladero torácico (brazo o mano dormidos)",
    "mimic.pinched_nerve_neck": "Un nervio pinzado en el cuello",
    "mimic.pinched_nerve_back": "Un nervio pinzado en la zona lumbar",
    "mimic.shoulder_bursitis": "Bursitis del hombro",
    "mimic.rotator_cuff": "Lesión del manguito rotador",
    "mimic.biceps_tendinitis": "Tendinitis del bíceps",
    "mimic.frozen_shoulder": "Hombro congelado",
    "mimic.tennis_elbow": "Codo de tenista",
    "mimic.golfers_elbow": "Codo de golfista",
    "mimic.carpal_tunnel": "Síndrome del túnel carpiano",
    "mimic.finger_arthritis": "Artrosis en los dedos",
    "mimic.upper_back_strain": "Contractura en la parte alta de la espalda",
    "mimic.heart_pain": "Dolor del corazón (angina de pecho)",
    "mimic.side_stitch": "Dolor en el costado (flato)",
    "mimic.shingles": "Herpes zóster (culebrilla)",
    "mimic.rib_injury": "Una lesión de costilla",
    "mimic.organ_pain": "Dolor de un órgano interno",
    "mimic.lumbago": "Lumbago (dolor lumbar)",
    "mimic.disc_pain": "Un problema de disco (hernia)",
    "mimic.tailbone_pain": "Dolor de coxis",
    "mimic.hip_bursitis": "Bursitis de cadera",
    "mimic.appendicitis": "Apendicitis",
    "mimic.si_joint": "Dolor de la articulación sacroilíaca",
    "mimic.facet_pain": "Dolor de las articulaciones de la columna (facetas)",
    "mimic.sciatica": "Ciática",
    "mimic.it_band": "Síndrome de la cintilla iliotibial",
    "mimic.knee_arthritis": "Artrosis de rodilla",
    "mimic.knee_cartilage": "Rotura de menisco",
    "mimic.kneecap_trouble": "Problemas de rótula",
    "mimic.groin_strain": "Distensión en la ingle",
    "mimic.cramps": "Calambres en las piernas",
    "mimic.clot": "Un coágulo de sangre (trombosis)",
    "mimic.plantar_fasciitis": "Fascitis plantar",
    "mimic.heel_spur": "Espolón en el talón",
    "mimic.ankle_pain": "Dolor de la articulación del tobillo",
    "mimic.ankle_sprain": "Esguince de tobillo",
    "mimic.ankle_arthritis": "Artrosis de tobillo",
})


def M(mid, name, what, refers, notice, mistaken, overload, therapist, selfcare):
    for k, v in (("name", name), ("what", what), ("refers", refers), ("notice", notice),
                 ("mistaken", mistaken), ("overload", overload), ("therapist", therapist),
                 ("selfcare", selfcare)):
        S["muscle.%s.%s" % (mid, k)] = v


from text_es_muscles import define  # noqa: E402
define(M)
