"""region_text.py — what each body-chart region is called.

For every base region name (see bodymap.py): the client's words and the
therapist's anatomical term, in English and Spanish. "{s}" is the side in
English (left/right); in Spanish "{f}" is izquierda/derecha, "{m}"
izquierdo/derecho, "{mp}" izquierdos/derechos (the adjective agrees with the
noun). Centre regions have no side.
"""

# base: (en label, en term, es label, es term)
REGIONS = {
    # ---- front: head and neck
    "forehead": ("{s} side of your forehead", "{s} frontal region (forehead)",
                 "lado {m} de la frente", "región frontal {f}"),
    "temple": ("your {s} temple", "{s} temporal region",
               "su sien {f}", "región temporal {f}"),
    "eye_cheek": ("around your {s} eye and cheek", "{s} orbital and zygomatic region",
                  "alrededor de su ojo y mejilla {mp}", "región orbitaria y cigomática {f}"),
    "ear": ("your {s} ear", "{s} auricular region",
            "su oreja {f}", "región auricular {f}"),
    "jaw": ("your {s} jaw", "{s} mandibular and temporomandibular region (TMJ)",
            "su mandíbula {f}", "región mandibular y temporomandibular {f} (ATM)"),
    "mouth_chin": ("your mouth and chin", "oral and mental region",
                   "su boca y barbilla", "región oral y mentoniana"),
    "neck_front": ("front and side of your neck, {s} side", "{s} anterolateral neck (sternocleidomastoid region)",
                   "parte delantera y lateral del cuello, lado {m}",
                   "región anterolateral {f} del cuello (esternocleidomastoidea)"),
    "throat": ("your throat", "anterior neck (throat)",
               "su garganta", "región cervical anterior (garganta)"),
    # ---- front: trunk
    "clavicle": ("around your {s} collarbone", "{s} clavicular and supraclavicular region",
                 "alrededor de su clavícula {f}", "región clavicular y supraclavicular {f}"),
    "breastbone": ("your breastbone", "sternal region",
                   "su esternón", "región esternal"),
    "chest": ("{s} side of your chest", "{s} pectoral region",
              "lado {m} del pecho", "región pectoral {f}"),
    "side_chest": ("your {s} side, below the armpit", "{s} lateral chest wall",
                   "su costado {m}, debajo de la axila", "pared torácica lateral {f}"),
    "upper_abdomen": ("{s} side of your upper belly", "{s} upper abdomen",
                      "lado {m} de la parte alta del vientre", "abdomen superior {m}"),
    "lower_abdomen": ("{s} side of your lower belly", "{s} lower abdomen",
                      "lado {m} de la parte baja del vientre", "abdomen inferior {m}"),
    "flank": ("your {s} side, at the waist", "{s} flank",
              "su costado {m}, a la altura de la cintura", "flanco {m}"),
    "groin": ("your {s} groin", "{s} inguinal region",
              "su ingle {f}", "región inguinal {f}"),
    "hip_front": ("front of your {s} hip", "{s} anterior hip",
                  "parte delantera de su cadera {f}", "cadera {f}, cara anterior"),
    "hip_side": ("outside of your {s} hip", "{s} lateral hip (greater trochanter region)",
                 "parte de afuera de su cadera {f}", "cadera {f}, cara lateral (región trocantérea)"),
    # ---- front: arm
    "shoulder_front": ("front of your {s} shoulder", "{s} anterior shoulder (anterior deltoid)",
                       "parte delantera de su hombro {m}", "hombro {m}, cara anterior (deltoides anterior)"),
    "arm_front": ("front of your {s} upper arm", "{s} anterior arm (biceps region)",
                  "parte delantera de su brazo {m}", "brazo {m}, cara anterior (región bicipital)"),
    "arm_inner": ("inside of your {s} upper arm", "{s} medial arm",
                  "parte de adentro de su brazo {m}", "brazo {m}, cara medial"),
    "elbow_front": ("crease of your {s} elbow", "{s} cubital fossa",
                    "pliegue de su codo {m}", "fosa cubital {f}"),
    "elbow_inner": ("inside of your {s} elbow", "{s} medial elbow (medial epicondyle)",
                    "parte de adentro de su codo {m}", "codo {m}, cara medial (epicóndilo medial)"),
    "forearm_front": ("palm side of your {s} forearm", "{s} anterior forearm (flexor side)",
                      "lado de la palma de su antebrazo {m}", "antebrazo {m}, cara anterior (flexora)"),
    "wrist_front": ("palm side of your {s} wrist", "{s} anterior (palmar) wrist",
                    "lado de la palma de su muñeca {f}", "muñeca {f}, cara palmar"),
    "palm": ("palm of your {s} hand", "{s} palm",
             "palma de su mano {f}", "palma de la mano {f}"),
    "thumb": ("your {s} thumb", "{s} thumb (pollex)",
              "su pulgar {m}", "pulgar {m}"),
    "fingers": ("fingers of your {s} hand", "{s} fingers 2–5, palmar side",
                "dedos de su mano {f}", "dedos 2–5 de la mano {f}, cara palmar"),
    # ---- front: leg and foot
    "thigh_front": ("front of your {s} thigh", "{s} anterior thigh",
                    "parte delantera de su muslo {m}", "muslo {m}, cara anterior"),
    "thigh_inner": ("inside of your {s} thigh", "{s} medial thigh (adductor region)",
                    "parte de adentro de su muslo {m}", "muslo {m}, cara medial (región aductora)"),
    "thigh_side": ("outside of your {s} thigh", "{s} lateral thigh",
                   "parte de afuera de su muslo {m}", "muslo {m}, cara lateral"),
    "knee_front": ("front of your {s} knee", "{s} anterior knee (patellar region)",
                   "parte delantera de su rodilla {f}", "rodilla {f}, cara anterior (región rotuliana)"),
    "knee_inner": ("inside of your {s} knee", "{s} medial knee",
                   "parte de adentro de su rodilla {f}", "rodilla {f}, cara medial"),
    "shin": ("your {s} shin", "{s} anterior leg (tibial region)",
             "su espinilla {f}", "pierna {f}, cara anterior (región tibial)"),
    "leg_side": ("outside of your {s} lower leg", "{s} lateral leg (fibular region)",
                 "parte de afuera de su pierna {f}, debajo de la rodilla", "pierna {f}, cara lateral (región peronea)"),
    "ankle": ("front of your {s} ankle", "{s} anterior ankle",
              "parte delantera de su tobillo {m}", "tobillo {m}, cara anterior"),
    "foot_top": ("top of your {s} foot", "{s} dorsum of the foot",
                 "empeine de su pie {m}", "dorso del pie {m}"),
    "toes": ("toes of your {s} foot", "{s} toes",
             "dedos de su pie {m}", "dedos del pie {m}"),
    # ---- back: head and neck
    "crown": ("{s} side of the top of your head", "{s} parietal region (vertex)",
              "lado {m} de la parte de arriba de la cabeza", "región parietal {f} (vértice)"),
    "head_back": ("{s} side of the back of your head", "{s} occipital region",
                  "lado {m} de la parte de atrás de la cabeza", "región occipital {f}"),
    "behind_ear": ("behind your {s} ear", "{s} retroauricular (mastoid) region",
                   "detrás de su oreja {f}", "región retroauricular (mastoidea) {f}"),
    "neck_back": ("back of your neck, {s} side", "{s} posterior neck",
                  "nuca, lado {m}", "región cervical posterior {f}"),
    # ---- back: trunk
    "shoulder_top": ("top of your {s} shoulder", "{s} upper trapezius region",
                     "parte de arriba de su hombro {m}", "región del trapecio superior {m}"),
    "shoulder_blade": ("your {s} shoulder blade", "{s} scapular region",
                       "su omóplato {m}", "región escapular {f}"),
    "upper_back": ("between your shoulder blades, {s} side", "{s} interscapular region",
                   "entre los omóplatos, lado {m}", "región interescapular {f}"),
    "mid_back": ("{s} side of your middle back", "{s} lower thoracic region",
                 "lado {m} de la mitad de la espalda", "región dorsal baja {f}"),
    "lower_back": ("{s} side of your lower back", "{s} lumbar region",
                   "lado {m} de la parte baja de la espalda", "región lumbar {f}"),
    "sacrum": ("the base of your spine and your tailbone", "sacral and coccygeal region",
               "la base de la columna y el coxis", "región sacra y coccígea"),
    "buttock_upper": ("upper part of your {s} buttock", "{s} upper gluteal region (below the iliac crest)",
                      "parte alta de su nalga {f}", "región glútea superior {f} (bajo la cresta ilíaca)"),
    "buttock": ("your {s} buttock", "{s} gluteal region",
                "su nalga {f}", "región glútea {f}"),
    # ---- back: arm
    "shoulder_back": ("back of your {s} shoulder", "{s} posterior shoulder (posterior deltoid)",
                      "parte de atrás de su hombro {m}", "hombro {m}, cara posterior (deltoides posterior)"),
    "arm_back": ("back of your {s} upper arm", "{s} posterior arm (triceps region)",
                 "parte de atrás de su brazo {m}", "brazo {m}, cara posterior (región tricipital)"),
    "elbow_back": ("back of your {s} elbow", "{s} posterior elbow (olecranon)",
                   "parte de atrás de su codo {m}", "codo {m}, cara posterior (olécranon)"),
    "elbow_outer": ("outside of your {s} elbow", "{s} lateral elbow (lateral epicondyle)",
                    "parte de afuera de su codo {m}", "codo {m}, cara lateral (epicóndilo lateral)"),
    "forearm_back": ("back of your {s} forearm", "{s} posterior forearm (extensor side)",
                     "dorso de su antebrazo {m}", "antebrazo {m}, cara posterior (extensora)"),
    "wrist_back": ("back of your {s} wrist", "{s} dorsal wrist",
                   "dorso de su muñeca {f}", "muñeca {f}, cara dorsal"),
    "hand_back": ("back of your {s} hand", "{s} dorsum of the hand",
                  "dorso de su mano {f}", "dorso de la mano {f}"),
    "fingers_back": ("backs of your {s} fingers", "{s} fingers, dorsal side",
                     "dorso de los dedos de su mano {f}", "dedos de la mano {f}, cara dorsal"),
    # ---- back: leg and foot
    "thigh_back": ("back of your {s} thigh", "{s} posterior thigh (hamstring region)",
                   "parte de atrás de su muslo {m}", "muslo {m}, cara posterior (región isquiotibial)"),
    "knee_back": ("back of your {s} knee", "{s} popliteal fossa",
                  "parte de atrás de su rodilla {f}", "fosa poplítea {f}"),
    "calf": ("your {s} calf", "{s} calf (posterior leg)",
             "su pantorrilla {f}", "pantorrilla {f} (cara posterior de la pierna)"),
    "achilles": ("back of your {s} ankle (Achilles tendon)", "{s} Achilles tendon region",
                 "parte de atrás de su tobillo {m} (tendón de Aquiles)", "región del tendón de Aquiles {m}"),
    "heel": ("your {s} heel", "{s} heel (calcaneal region)",
             "su talón {m}", "talón {m} (región calcánea)"),
    "sole": ("sole of your {s} foot", "{s} plantar surface of the foot",
             "planta de su pie {m}", "planta del pie {m}"),
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
