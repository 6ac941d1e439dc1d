"""muscles_data.py — the trigger point library: where each muscle's trigger
points are and where it sends pain, as base region names (both sides are
listed in the data; centre regions once).

Referral zones follow the Travell & Simons patterns as summarised in
/work/shared/reference/trigger-point-facts.md (row numbers in comments).
Trigger points are model coordinates for the client's LEFT side and are
mirrored to the right side:
  ("b", view, d, y): body — d = distance from the centre line, y = height
  ("a", view, s, u): arm — s = distance along the arm from the armpit,
                     u = across the arm (+ thumb side, − little-finger side)

Source keys → addresses (the "source" field spells them out).
"""

SOURCES = {
    "NAM": "check.myofascialtherapy.org/symptomcheck",
    "ML": "medlink.com/media/mpssi (captions of Travell & Simons figures)",
    "TPN": "triggerpoints.net",
    "AB": "aberdeenchiropracticblog.com",
    "NA": "nielasher.com",
    "MP": "myofascialpain.com",
    "FdlP": "Fernández-de-las-Peñas et al., PMID 16919982",
    "WM": "webmanmed.com",
    "TPT": "triggerpointtherapist.com",
    "PW": "painwhisperer.com",
    "westsub": "westsubpainrelief.com",
    "TP3D": "triggerpoints3d.com",
    "galant": "galantdesign.se",
    "painfree": "painfreehealth.ca",
    "TPbook": "triggerpointbook.com",
}

# id, [trigger points], primary, spillover, mimics, source keys
MUSCLES = [
    # 1
    dict(id="upper_trapezius", tps=[("b", "back", 64, 186)],
         primary=["neck_back", "behind_ear", "temple"], spill=["eye_cheek", "jaw"],
         mimics=["tension_headache", "stiff_neck"], src=["MP", "NAM", "FdlP"]),
    # 4
    dict(id="temporalis", tps=[("b", "front", 41, 52), ("b", "front", 40, 64)],
         primary=["temple"], spill=["eye_cheek", "mouth_chin"],
         mimics=["toothache", "jaw_joint"], src=["TPN", "NAM"]),
    # 5
    dict(id="masseter", tps=[("b", "front", 35, 104), ("b", "front", 31, 118)],
         primary=["jaw", "eye_cheek"], spill=["ear", "forehead"],
         mimics=["toothache", "sinus_trouble", "jaw_joint", "ear_trouble"], src=["ML", "TPN"]),
    # 2, 3
    dict(id="sternocleidomastoid", tps=[("b", "front", 22, 146), ("b", "front", 20, 160)],
         primary=["eye_cheek", "forehead", "ear"],
         spill=["crown", "head_back", "behind_ear", "throat", "breastbone"],
         mimics=["sinus_trouble", "ear_trouble", "dizziness", "tension_headache"], src=["ML"]),
    # 6
    dict(id="suboccipitals", tps=[("b", "back", 16, 118)],
         primary=["head_back"], spill=["temple", "eye_cheek", "forehead"],
         mimics=["tension_headache", "migraine"], src=["AB"]),
    # 7
    dict(id="splenius", tps=[("b", "back", 24, 140), ("b", "back", 27, 158)],
         primary=["crown"], spill=["head_back", "eye_cheek", "neck_back"],
         mimics=["migraine", "tension_headache"], src=["AB", "westsub"]),
    # 8
    dict(id="levator_scapulae", tps=[("b", "back", 38, 188), ("b", "back", 30, 222)],
         primary=["neck_back", "shoulder_top"], spill=["upper_back", "shoulder_back"],
         mimics=["stiff_neck"], src=["ML", "NAM"]),
    # 9
    dict(id="scalenes", tps=[("b", "front", 26, 160), ("b", "front", 28, 168)],
         primary=["chest", "shoulder_front", "upper_back"],
         spill=["arm_front", "arm_back", "thumb", "hand_back"],
         mimics=["thoracic_outlet", "pinched_nerve_neck"], src=["AB", "NAM"]),
    # 10
    dict(id="supraspinatus", tps=[("b", "back", 72, 204)],
         primary=["shoulder_back", "shoulder_front"], spill=["arm_back", "elbow_outer"],
         mimics=["shoulder_bursitis", "tennis_elbow"], src=["NAM"]),
    # 11
    dict(id="infraspinatus", tps=[("b", "back", 62, 238), ("b", "back", 56, 262)],
         primary=["shoulder_front"], spill=["arm_front", "forearm_front", "thumb"],
         mimics=["biceps_tendinitis", "rotator_cuff", "pinched_nerve_neck"], src=["NAM", "ML"]),
    # 12
    dict(id="subscapularis", tps=[("b", "front", 84, 268)],
         primary=["shoulder_back"], spill=["arm_back", "wrist_back", "wrist_front"],
         mimics=["frozen_shoulder"], src=["NAM"]),
    # 13
    dict(id="rhomboids", tps=[("b", "back", 22, 232), ("b", "back", 24, 268)],
         primary=["upper_back"], spill=["shoulder_blade"],
         mimics=["upper_back_strain"], src=["AB"]),
    # 14
    dict(id="latissimus_dorsi", tps=[("b", "back", 80, 272)],
         primary=["shoulder_blade", "mid_back"], spill=["arm_inner", "forearm_front", "fingers"],
         mimics=["pinched_nerve_neck", "heart_pain"], src=["WM"]),
    # 15
    dict(id="serratus_anterior", tps=[("b", "front", 82, 306)],
         primary=["side_chest"], spill=["mid_back", "arm_inner"],
         mimics=["side_stitch", "shingles", "rib_injury"], src=["NAM"]),
    # 16
    dict(id="pectoralis_major", tps=[("b", "front", 52, 236), ("b", "front", 66, 262)],
         primary=["chest", "shoulder_front"], spill=["arm_inner", "elbow_inner", "breastbone"],
         mimics=["heart_pain"], src=["TPT", "AB"]),
    # 17
    dict(id="pectoralis_minor", tps=[("b", "front", 58, 228)],
         primary=["chest", "shoulder_front"], spill=["arm_inner", "elbow_inner", "forearm_front", "fingers"],
         mimics=["heart_pain", "thoracic_outlet"], src=["AB", "PMC3259990"]),
    # not in the table: local pattern (Travell & Simons via triggerpoints.net)
    dict(id="deltoid", tps=[("a", "front", 14, 4), ("a", "back", 14, 4)],
         primary=["shoulder_front", "shoulder_back"], spill=["arm_front", "arm_back"],
         mimics=["shoulder_bursitis", "rotator_cuff"], src=["TPN", "NAM"]),
    # 18
    dict(id="biceps", tps=[("a", "front", 95, 8)],
         primary=["shoulder_front", "elbow_front"], spill=["arm_front"],
         mimics=["biceps_tendinitis"], src=["NAM"]),
    # 19
    dict(id="triceps", tps=[("a", "back", 60, 0), ("a", "back", 115, -4)],
         primary=["shoulder_back", "arm_back", "elbow_outer", "elbow_back"], spill=["elbow_inner", "forearm_back", "fingers_back"],
         mimics=["tennis_elbow", "golfers_elbow"], src=["NAM"]),
    # 20
    dict(id="wrist_extensors", tps=[("a", "back", 195, 4)],
         primary=["elbow_outer", "hand_back"], spill=["forearm_back", "wrist_back"],
         mimics=["tennis_elbow"], src=["NAM", "TP3D"]),
    # 21
    dict(id="brachioradialis", tps=[("a", "back", 182, 13)],
         primary=["elbow_outer", "hand_back"], spill=["forearm_back", "thumb"],
         mimics=["tennis_elbow"], src=["westsub", "TP3D"]),
    # not in the table (Travell & Simons via triggerpoints.net)
    dict(id="finger_flexors", tps=[("a", "front", 205, 0)],
         primary=["fingers"], spill=["palm", "forearm_front"],
         mimics=["carpal_tunnel", "finger_arthritis"], src=["TPN", "NAM"]),
    dict(id="supinator", tps=[("a", "back", 176, 8)],
         primary=["elbow_outer"], spill=["hand_back", "forearm_back"],
         mimics=["tennis_elbow"], src=["TPN", "NAM"]),
    # 22
    dict(id="paraspinals", tps=[("b", "back", 20, 350), ("b", "back", 24, 412)],
         primary=["mid_back", "lower_back"], spill=["buttock", "sacrum", "upper_abdomen"],
         mimics=["organ_pain", "lumbago"], src=["NAM"]),
    dict(id="multifidi", tps=[("b", "back", 9, 420)],
         primary=["lower_back", "sacrum"], spill=["buttock", "lower_abdomen"],
         mimics=["disc_pain", "tailbone_pain"], src=["TPN", "NAM"]),
    # 23
    dict(id="quadratus_lumborum", tps=[("b", "back", 60, 402), ("b", "back", 50, 428)],
         primary=["sacrum", "buttock", "hip_side"], spill=["buttock_upper", "groin"],
         mimics=["lumbago", "disc_pain", "hip_bursitis"], src=["galant", "AB"]),
    # 25
    dict(id="rectus_abdominis", tps=[("b", "front", 16, 352), ("b", "front", 16, 420)],
         primary=["lower_back"], spill=["mid_back", "lower_abdomen"],
         mimics=["organ_pain"], src=["NAM", "AB"]),
    # 24
    dict(id="iliopsoas", tps=[("b", "front", 44, 432), ("b", "front", 34, 515)],
         primary=["lower_back"], spill=["sacrum", "thigh_front", "groin"],
         mimics=["disc_pain", "appendicitis"], src=["NAM", "TPN"]),
    # 27
    dict(id="gluteus_maximus", tps=[("b", "back", 26, 510), ("b", "back", 50, 488)],
         primary=["buttock", "sacrum"], spill=["buttock_upper"],
         mimics=["tailbone_pain"], src=["massagetoday"]),
    # 28
    dict(id="gluteus_medius", tps=[("b", "back", 66, 452), ("b", "back", 40, 446)],
         primary=["buttock_upper", "sacrum"], spill=["lower_back", "buttock"],
         mimics=["si_joint", "facet_pain"], src=["NAM"]),
    # 29
    dict(id="gluteus_minimus", tps=[("b", "back", 80, 466), ("b", "front", 88, 470)],
         primary=["hip_side", "thigh_side", "leg_side"], spill=["buttock", "thigh_back", "calf", "ankle"],
         mimics=["sciatica"], src=["painfree", "NAM"]),
    # 30
    dict(id="piriformis", tps=[("b", "back", 46, 492), ("b", "back", 72, 494)],
         primary=["buttock", "sacrum"], spill=["thigh_back"],
         mimics=["sciatica"], src=["AB", "TPT"]),
    # 31
    dict(id="tensor_fasciae_latae", tps=[("b", "front", 66, 482)],
         primary=["hip_side", "thigh_side"], spill=["hip_front", "knee_front"],
         mimics=["hip_bursitis", "it_band"], src=["AB", "NA"]),
    # 32
    dict(id="rectus_femoris", tps=[("b", "front", 50, 566)],
         primary=["knee_front"], spill=["thigh_front"],
         mimics=["knee_arthritis"], src=["PW"]),
    # 33
    dict(id="vastus_medialis", tps=[("b", "front", 28, 668), ("b", "front", 26, 620)],
         primary=["knee_front", "knee_inner"], spill=["thigh_inner"],
         mimics=["knee_cartilage", "kneecap_trouble"], src=["NAM"]),
    # not in the table (Travell & Simons via triggerpoints.net)
    dict(id="vastus_lateralis", tps=[("b", "front", 76, 612), ("b", "front", 72, 672)],
         primary=["thigh_side", "knee_front"], spill=["hip_side"],
         mimics=["it_band", "kneecap_trouble"], src=["TPN", "NAM"]),
    # 34
    dict(id="adductors", tps=[("b", "front", 20, 572)],
         primary=["groin", "thigh_inner"], spill=["knee_inner", "shin"],
         mimics=["groin_strain"], src=["AB"]),
    # 35
    dict(id="hamstrings", tps=[("b", "back", 40, 620), ("b", "back", 62, 650)],
         primary=["thigh_back", "buttock"], spill=["knee_back", "calf"],
         mimics=["sciatica"], src=["NA"]),
    # 36
    dict(id="gastrocnemius", tps=[("b", "back", 34, 772), ("b", "back", 60, 772)],
         primary=["calf", "knee_back"], spill=["sole"],
         mimics=["cramps", "pinched_nerve_back", "clot"], src=["NAM"]),
    # 37
    dict(id="soleus", tps=[("b", "back", 44, 860)],
         primary=["heel", "achilles"], spill=["calf", "sacrum"],
         mimics=["plantar_fasciitis", "clot"], src=["NAM"]),
    # 38
    dict(id="tibialis_anterior", tps=[("b", "front", 44, 782)],
         primary=["ankle", "toes"], spill=["foot_top", "shin"],
         mimics=["ankle_pain"], src=["westsub"]),
    # 39
    dict(id="peroneals", tps=[("b", "front", 66, 790)],
         primary=["ankle", "foot_top"], spill=["leg_side"],
         mimics=["ankle_sprain", "ankle_arthritis"], src=["PW"]),
    # 40
    dict(id="plantar_muscles", tps=[("b", "back", 54, 980)],
         primary=["heel", "sole"], spill=[],
         mimics=["plantar_fasciitis", "heel_spur"], src=["TPbook"]),
]

EXTRA_SOURCES = {
    "massagetoday": "massagetoday.com",
    "PMC3259990": "PMC3259990",
}
