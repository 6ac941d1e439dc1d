"""region_text.py — what each body-chart region is called.

For every base region name (see bodymap.py): the client's words and the
therapist's anatomical term, in English and Spanish. "{s}" is the side in
English (left/right); in Spanish "{f}" is izquierda/derecha, "{m}"
izquierdo/derecho, "{mp}" izquierdos/derechos (the adjective agrees with the
noun). Centre regions have no side.

Spanish labels name the place with the definite article ("la pantorrilla
izquierda"), as Spanish does for parts of the body, so that they read well
alone (the review) and inside a sentence ("Sobre la pantorrilla izquierda").
Inner and outer are "interior" and "exterior", words every Spanish speaker
uses alike.
"""

# base: (en label, en term, es label, es term)
REGIONS = {
    # ---- front: head and neck
    "forehead": ("{s} side of your forehead", "{s} frontal region (forehead)",
                 "el lado {m} de la frente", "región frontal {f}"),
    "temple": ("your {s} temple", "{s} temporal region",
               "la sien {f}", "región temporal {f}"),
    "eye_cheek": ("around your {s} eye and cheek", "{s} orbital and zygomatic region",
                  "el ojo y la mejilla del lado {m}", "región orbitaria y cigomática {f}"),
    "ear": ("your {s} ear", "{s} auricular region",
            "la oreja {f}", "región auricular {f}"),
    "jaw": ("your {s} jaw", "{s} mandibular and temporomandibular region (TMJ)",
            "el lado {m} de la mandíbula", "región mandibular y temporomandibular {f} (ATM)"),
    "mouth_chin": ("your mouth and chin", "oral and mental region",
                   "la boca y la barbilla", "región oral y mentoniana"),
    "neck_front": ("front and side of your neck, {s} side", "{s} anterolateral neck (sternocleidomastoid region)",
                   "la parte delantera y lateral del cuello, lado {m}",
                   "región anterolateral {f} del cuello (esternocleidomastoidea)"),
    "throat": ("your throat", "anterior neck (throat)",
               "la garganta", "región cervical anterior (garganta)"),
    # ---- front: trunk
    "clavicle": ("around your {s} collarbone", "{s} clavicular and supraclavicular region",
                 "la zona de la clavícula {f}", "región clavicular y supraclavicular {f}"),
    "breastbone": ("your breastbone", "sternal region",
                   "el centro del pecho (esternón)", "región esternal"),
    "chest": ("{s} side of your chest", "{s} pectoral region",
              "el lado {m} del pecho", "región pectoral {f}"),
    "side_chest": ("your {s} side, below the armpit", "{s} lateral chest wall",
                   "el costado {m}, debajo de la axila", "pared torácica lateral {f}"),
    "upper_abdomen": ("{s} side of your upper belly", "{s} upper abdomen",
                      "la parte alta del vientre, lado {m}", "abdomen superior {m}"),
    "lower_abdomen": ("{s} side of your lower belly", "{s} lower abdomen",
                      "la parte baja del vientre, lado {m}", "abdomen inferior {m}"),
    "flank": ("your {s} side, at the waist", "{s} flank",
              "el costado {m}, a la altura de la cintura", "flanco {m}"),
    "groin": ("your {s} groin", "{s} inguinal region",
              "la ingle {f}", "región inguinal {f}"),
    "hip_front": ("front of your {s} hip", "{s} anterior hip",
                  "la parte delantera de la cadera {f}", "cadera {f}, cara anterior"),
    "hip_side": ("outside of your {s} hip", "{s} lateral hip (greater trochanter region)",
                 "la parte exterior de la cadera {f}", "cadera {f}, cara lateral (región trocantérea)"),
    # ---- front: arm
    "shoulder_front": ("front of your {s} shoulder", "{s} anterior shoulder (anterior deltoid)",
                       "la parte delantera del hombro {m}", "hombro {m}, cara anterior (deltoides anterior)"),
    "arm_front": ("front of your {s} upper arm", "{s} anterior arm (biceps region)",
                  "la parte delantera del brazo {m}", "brazo {m}, cara anterior (región bicipital)"),
    "arm_inner": ("inside of your {s} upper arm", "{s} medial arm",
                  "la parte interior del brazo {m}", "brazo {m}, cara medial"),
    "elbow_front": ("crease of your {s} elbow", "{s} cubital fossa",
                    "el pliegue del codo {m}", "fosa cubital {f}"),
    "elbow_inner": ("inside of your {s} elbow", "{s} medial elbow (medial epicondyle)",
                    "la parte interior del codo {m}", "codo {m}, cara medial (epicóndilo medial)"),
    "forearm_front": ("palm side of your {s} forearm", "{s} anterior forearm (flexor side)",
                      "el antebrazo {m}, lado de la palma", "antebrazo {m}, cara anterior (flexora)"),
    "wrist_front": ("palm side of your {s} wrist", "{s} anterior (palmar) wrist",
                    "la muñeca {f}, lado de la palma", "muñeca {f}, cara palmar"),
    "palm": ("palm of your {s} hand", "{s} palm",
             "la palma de la mano {f}", "palma de la mano {f}"),
    "thumb": ("your {s} thumb", "{s} thumb (pollex)",
              "el pulgar de la mano {f}", "pulgar {m}"),
    "fingers": ("fingers of your {s} hand", "{s} fingers 2–5, palmar side",
                "los dedos de la mano {f}", "dedos 2–5 de la mano {f}, cara palmar"),
    # ---- front: leg and foot
    "thigh_front": ("front of your {s} thigh", "{s} anterior thigh",
                    "la parte delantera del muslo {m}", "muslo {m}, cara anterior"),
    "thigh_inner": ("inside of your {s} thigh", "{s} medial thigh (adductor region)",
                    "la parte interior del muslo {m}", "muslo {m}, cara medial (región aductora)"),
    "thigh_side": ("outside of your {s} thigh", "{s} lateral thigh",
                   "la parte exterior del muslo {m}", "muslo {m}, cara lateral"),
    "knee_front": ("front of your {s} knee", "{s} anterior knee (patellar region)",
                   "la parte delantera de la rodilla {f}", "rodilla {f}, cara anterior (región rotuliana)"),
    "knee_inner": ("inside of your {s} knee", "{s} medial knee",
                   "la parte interior de la rodilla {f}", "rodilla {f}, cara medial"),
    "shin": ("your {s} shin", "{s} anterior leg (tibial region)",
             "la espinilla {f}", "pierna {f}, cara anterior (región tibial)"),
    "leg_side": ("outside of your {s} lower leg", "{s} lateral leg (fibular region)",
                 "la parte exterior de la pierna {f}, debajo de la rodilla", "pierna {f}, cara lateral (región peronea)"),
    "ankle": ("front of your {s} ankle", "{s} anterior ankle",
              "la parte delantera del tobillo {m}", "tobillo {m}, cara anterior"),
    "foot_top": ("top of your {s} foot", "{s} dorsum of the foot",
                 "el empeine del pie {m}", "dorso del pie {m}"),
    "toes": ("toes of your {s} foot", "{s} toes",
             "los dedos del pie {m}", "dedos del pie {m}"),
    # ---- back: head and neck
    "crown": ("{s} side of the top of your head", "{s} parietal region (vertex)",
              "la parte de arriba de la cabeza, lado {m}", "región parietal {f} (vértice)"),
    "head_back": ("{s} side of the back of your head", "{s} occipital region",
                  "la parte de atrás de la cabeza, lado {m}", "región occipital {f}"),
    "behind_ear": ("behind your {s} ear", "{s} retroauricular (mastoid) region",
                   "la zona detrás de la oreja {f}", "región retroauricular {f} (mastoidea)"),
    "neck_back": ("back of your neck, {s} side", "{s} posterior neck",
                  "la nuca, lado {m}", "región cervical posterior {f}"),
    # ---- back: trunk
    "shoulder_top": ("top of your {s} shoulder", "{s} upper trapezius region",
                     "la parte de arriba del hombro {m}", "región del trapecio superior {m}"),
    "shoulder_blade": ("your {s} shoulder blade", "{s} scapular region",
                       "el omóplato {m}", "región escapular {f}"),
    "upper_back": ("between your shoulder blades, {s} side", "{s} interscapular region",
                   "la zona entre los omóplatos, lado {m}", "región interescapular {f}"),
    "mid_back": ("{s} side of your middle back", "{s} lower thoracic region",
                 "la parte media de la espalda, lado {m}", "región dorsal baja {f}"),
    "lower_back": ("{s} side of your lower back", "{s} lumbar region",
                   "la parte baja de la espalda, lado {m}", "región lumbar {f}"),
    "sacrum": ("the base of your spine and your tailbone", "sacral and coccygeal region",
               "la base de la columna y el coxis", "región sacra y coccígea"),
    "buttock_upper": ("upper part of your {s} buttock", "{s} upper gluteal region (below the iliac crest)",
                      "la parte alta de la nalga {f}", "región glútea superior {f} (bajo la cresta ilíaca)"),
    "buttock": ("your {s} buttock", "{s} gluteal region",
                "la nalga {f}", "región glútea {f}"),
    # ---- back: arm
    "shoulder_back": ("back of your {s} shoulder", "{s} posterior shoulder (posterior deltoid)",
                      "la parte de atrás del hombro {m}", "hombro {m}, cara posterior (deltoides posterior)"),
    "arm_back": ("back of your {s} upper arm", "{s} posterior arm (triceps region)",
                 "la parte de atrás del brazo {m}", "brazo {m}, cara posterior (región tricipital)"),
    "elbow_back": ("back of your {s} elbow", "{s} posterior elbow (olecranon)",
                   "la parte de atrás del codo {m}", "codo {m}, cara posterior (olécranon)"),
    "elbow_outer": ("outside of your {s} elbow", "{s} lateral elbow (lateral epicondyle)",
                    "la parte exterior del codo {m}", "codo {m}, cara lateral (epicóndilo lateral)"),
    "forearm_back": ("back of your {s} forearm", "{s} posterior forearm (extensor side)",
                     "la parte de atrás del antebrazo {m}", "antebrazo {m}, cara posterior (extensora)"),
    "wrist_back": ("back of your {s} wrist", "{s} dorsal wrist",
                   "el dorso de la muñeca {f}", "muñeca {f}, cara dorsal"),
    "hand_back": ("back of your {s} hand", "{s} dorsum of the hand",
                  "el dorso de la mano {f}", "dorso de la mano {f}"),
    "fingers_back": ("backs of your {s} fingers", "{s} fingers, dorsal side",
                     "el dorso de los dedos de la mano {f}", "dedos de la mano {f}, cara dorsal"),
    # ---- back: leg and foot
    "thigh_back": ("back of your {s} thigh", "{s} posterior thigh (hamstring region)",
                   "la parte de atrás del muslo {m}", "muslo {m}, cara posterior (región isquiotibial)"),
    "knee_back": ("back of your {s} knee", "{s} popliteal fossa",
                  "la parte de atrás de la rodilla {f}", "fosa poplítea {f}"),
    "calf": ("your {s} calf", "{s} calf (posterior leg)",
             "la pantorrilla {f}", "pantorrilla {f} (cara posterior de la pierna)"),
    "achilles": ("back of your {s} ankle (Achilles tendon)", "{s} Achilles tendon region",
                 "la parte de atrás del tobillo {m} (tendón de Aquiles)", "tendón de Aquiles {m} (región)"),
    "heel": ("your {s} heel", "{s} heel (calcaneal region)",
             "el talón {m}", "talón {m} (región calcánea)"),
    "sole": ("sole of your {s} foot", "{s} plantar surface of the foot",
             "la planta del pie {m}", "planta del pie {m}"),
}

ES_SIDE = {
    "left": {"f": "izquierda", "m": "izquierdo", "mp": "izquierdos"},
    "right": {"f": "derecha", "m": "derecho", "mp": "derechos"},
}


def _cap(s):
    return s[:1].upper() + s[1:]


def texts(base, side):
    """(en label, en term, es label, es term) for one region."""
    en_l, en_t, es_l, es_t = REGIONS[base]
    if side == "centre":
        return en_l, _cap(en_t), es_l, _cap(es_t)
    es = ES_SIDE[side]
    return (en_l.format(s=side), _cap(en_t.format(s=side)),
            es_l.format(**es), _cap(es_t.format(**es)))
