"""English strings for the content library (everything but the region names,
which live in region_text.py). Written for a waiting-room client: short
sentences, plain words. Keys are merged into data/i18n/en.json by
gen_content.py."""

S = {}

# ---------------------------------------------------------------- answers
S.update({
    "answer.yes": "Yes",
    "answer.no": "No",
    "answer.unsure": "Not sure",
})

# ---------------------------------------------------------------- screening
# (question, short label for the therapist, calm notice when flagged)
Q = {
    "chest_exertion": (
        "Do you get pain, pressure or tightness in your chest when you are active, "
        "or get out of breath much faster than you used to?",
        "Chest pain or breathlessness on exertion",
        "Thank you for telling us. Please speak to a member of staff now, before we go on. "
        "Chest symptoms need a doctor's check first."),
    "chest_pain": (
        "Do you have chest pain right now, or chest pain that is new and has not been checked by a doctor?",
        "Chest pain now or new and unchecked",
        "Thank you for telling us. Please speak to a member of staff now. "
        "New chest pain should be checked by a doctor before massage."),
    "calf_swollen": (
        "Is one of your calves swollen, warm, red or painful to touch?",
        "Swollen, warm or red calf",
        "Thank you for telling us. Please speak to a member of staff now. "
        "A swollen, warm calf needs a doctor's check before any massage."),
    "saddle_numbness": (
        "Do you have numbness or odd feeling between your legs, around your bottom, "
        "or on your inner thighs?",
        "Saddle numbness",
        "Thank you for telling us. Please speak to a member of staff now. "
        "This kind of numbness needs a doctor to look at it today."),
    "bladder_bowel": (
        "Have you recently had new trouble with your bladder or bowels? For example, "
        "leaking, not being able to pass urine, or not feeling when you need to go.",
        "New bladder or bowel trouble",
        "Thank you for telling us. Please speak to a member of staff now. "
        "New bladder or bowel trouble with back pain needs a doctor today."),
    "leg_weakness": (
        "Are one or both of your legs getting weaker, or do you trip or drag a foot more than before?",
        "Worsening leg weakness",
        "Thank you for telling us. Please speak to a member of staff now. "
        "Legs that are getting weaker need a doctor's check first."),
    "blood_clot": (
        "Have you ever had a blood clot, such as a clot in the leg (DVT) or in the lung?",
        "History of blood clot / DVT",
        "Thank you. Your therapist will talk with you about this before you start."),
    "recent_surgery": (
        "Have you had an operation in the last 6 months?",
        "Surgery in the last 6 months",
        "Thank you. Your therapist will ask you about it before you start."),
    "recent_injury": (
        "Have you had a fall, an accident, a broken bone or another injury in the last 6 weeks?",
        "Injury or fracture in the last 6 weeks",
        "Thank you. Your therapist will ask you about it before you start."),
    "blood_thinners": (
        "Do you take medicine that thins your blood, or do you bruise or bleed easily?",
        "Blood thinners or bleeds easily",
        "Thank you. Your therapist will use lighter pressure where needed and may ask a few questions."),
    "fever": (
        "Do you have a fever, chills, a cold, the flu or another infection today?",
        "Fever or infection today",
        "Thank you. Your therapist will check with you whether today is a good day for treatment."),
    "pregnancy": (
        "Are you pregnant, or could you be?",
        "Pregnant or may be pregnant",
        "Thank you. Your therapist will adjust how you lie and which areas they work on."),
    "cancer": (
        "Are you being treated for cancer now, or have you been in the last year?",
        "Cancer treatment now or in the last year",
        "Thank you. Your therapist will talk with you before you start. They may ask "
        "for your doctor's advice before deeper work."),
    "osteoporosis": (
        "Have you been told you have thin or weak bones (osteoporosis)?",
        "Osteoporosis",
        "Thank you. Your therapist will keep the pressure gentle over your bones."),
    "skin": (
        "Do you have a rash, cut, wound, burn or skin infection in an area that hurts "
        "or that may be worked on?",
        "Skin problem in the treatment area",
        "Thank you. Your therapist will stay away from that skin."),
    "numbness": (
        "Do you have numbness, pins and needles, or weakness in an arm, hand, leg or foot?",
        "Numbness or weakness in a limb",
        "Thank you. Your therapist will ask a few questions about it before you start."),
    "heart_pressure": (
        "Do you have heart disease, a pacemaker, or high blood pressure that is not under control?",
        "Heart disease, pacemaker or uncontrolled blood pressure",
        "Thank you. Your therapist will talk with you about this before you start."),
    "night_weight": (
        "Is your pain worse at night or when you lie still, or have you lost weight without trying?",
        "Night pain or unexplained weight loss",
        "Thank you. Your therapist will talk with you about this. It may be worth "
        "seeing your doctor as well."),
}
for k, (text, staff, notice) in Q.items():
    S["q.%s" % k] = text
    S["q.%s.staff" % k] = staff
    S["q.%s.notice" % k] = notice

# ---------------------------------------------------------------- choices
S.update({
    "quality.aching": "Aching",
    "quality.sharp": "Sharp",
    "quality.burning": "Burning or hot",
    "quality.tingling": "Tingling or pins and needles",
    "quality.numb": "Numb",
    "quality.throbbing": "Throbbing or pulsing",
    "quality.stiff": "Stiff",
    "quality.cramping": "Cramping",
    "quality.dull": "Dull",
    "quality.shooting": "Shooting (it travels)",
    "quality.tender": "Sore to touch",
    "quality.tight": "Tight or pulling",
    "quality.deep": "Deep and hard to pin down",
    "quality.electric": "Like an electric jolt",
    "duration.under_1_week": "Less than a week",
    "duration.1_to_6_weeks": "1 to 6 weeks",
    "duration.6_weeks_to_3_months": "6 weeks to 3 months",
    "duration.3_to_12_months": "3 months to a year",
    "duration.over_1_year": "More than a year",
    "pressure.light": "Light",
    "pressure.medium": "Medium",
    "pressure.firm": "Firm",
    "pressure.therapist": "Let the therapist decide",
    "avoid.face": "Face",
    "avoid.scalp": "Scalp and hair",
    "avoid.neck": "Neck",
    "avoid.chest": "Chest",
    "avoid.belly": "Belly",
    "avoid.buttocks": "Buttocks",
    "avoid.inner_thighs": "Inner thighs",
    "avoid.feet": "Feet",
    "avoid.hands": "Hands",
    "intensity.none": "No pain",
    "intensity.mild": "Mild",
    "intensity.moderate": "Moderate",
    "intensity.severe": "Severe",
})

# ---------------------------------------------------------------- pages
S.update({
    "page.what_is_tp.title": "What is a trigger point?",
    "page.what_is_tp.p1": "A trigger point is a small, tender spot in a muscle. It can feel like a "
                          "knot or a tight band under the skin.",
    "page.what_is_tp.p2": "Pressing on it often hurts more than you expect. It may also send pain "
                          "to another part of your body.",
    "page.what_is_tp.p3": "Trigger points tend to form when a muscle works too hard, for too long, "
                          "or again and again. Stress, poor sleep and sitting still for hours can "
                          "add to it.",
    "page.what_is_tp.p4": "Doctors and researchers still debate how trigger points work. Many "
                          "people find that treating them eases their pain, but the science is "
                          "not settled.",
    "page.referred_pain.title": "Pain that shows up somewhere else",
    "page.referred_pain.p1": "Sometimes the place that hurts is not where the problem starts. This "
                             "is called referred pain.",
    "page.referred_pain.p2": "A tight spot in your shoulder can cause a headache at your temple. "
                             "A spot deep in your calf can make your heel hurt.",
    "page.referred_pain.p3": "Each muscle tends to send pain to the same areas in most people. "
                             "These maps are called referral patterns.",
    "page.referred_pain.p4": "The patterns you picked help your therapist decide where to look. "
                             "They will still check for themselves.",
    "page.session.title": "What trigger point work feels like",
    "page.session.p1": "Your therapist finds a tender spot and presses on it steadily. Each "
                       "press usually lasts about 30 to 90 seconds.",
    "page.session.p2": "It should feel like a \"good hurt\". Aim for about 7 out of 10 at most. "
                       "The pain often fades while the pressure stays the same.",
    "page.session.p3": "You are in charge. Say \"lighter\" or \"stop\" at any time, and your "
                       "therapist will change right away.",
    "page.session.p4": "Your therapist will check in with you often. Try to breathe slowly and "
                       "let the muscle soften.",
    "page.aftercare.title": "After your session",
    "page.aftercare.p1": "Some soreness for a day or two is common, a bit like after a workout.",
    "page.aftercare.p2": "Gentle movement helps. Walk, stretch lightly and use the area normally. "
                         "A warm shower or a heat pack can feel good.",
    "page.aftercare.p3": "If the soreness is strong, lasts more than two days, or worries you, "
                         "call the clinic.",
    "page.aftercare.p4": "Next time, tell your therapist how you felt afterwards. It helps them "
                         "choose the right pressure.",
    "page.not_diagnosis.title": "This is education, not a diagnosis",
    "page.not_diagnosis.p1": "These pages explain common muscle pain patterns. They cannot tell "
                             "you what is causing your pain.",
    "page.not_diagnosis.p2": "Pain can have many causes, and some need a doctor. If your pain is "
                             "new, severe or getting worse, please see your doctor.",
    "page.not_diagnosis.p3": "Your therapist uses your answers as a starting point and checks "
                             "everything in person.",
})

# ---------------------------------------------------------------- muscle pages
S.update({
    "muscle.heading.what": "Where it is and what it does",
    "muscle.heading.refers": "Where it sends pain",
    "muscle.heading.notice": "What you may notice",
    "muscle.heading.mistaken": "What it is often mistaken for",
    "muscle.heading.overload": "What can overload it",
    "muscle.heading.therapist": "What your therapist may do",
    "muscle.heading.selfcare": "A simple thing to try",
    "muscle.heading.note": "Please remember",
    "muscle.common.not_diagnosis": "This is a common pattern, not a diagnosis. Your therapist "
                                   "will check what is really going on. See a doctor if your "
                                   "pain is new, severe or getting worse.",
})

# ---------------------------------------------------------------- conditions a pattern may look like
S.update({
    "mimic.tension_headache": "Tension headache",
    "mimic.migraine": "Migraine",
    "mimic.stiff_neck": "Stiff neck",
    "mimic.toothache": "Toothache",
    "mimic.jaw_joint": "Jaw joint problems (TMJ)",
    "mimic.sinus_trouble": "Sinus trouble",
    "mimic.ear_trouble": "Ear problems",
    "mimic.dizziness": "Dizziness",
    "mimic.thoracic_outlet": "Thoracic outlet syndrome (arm or hand numbness)",
    "mimic.pinched_nerve_neck": "A pinched nerve in the neck",
    "mimic.pinched_nerve_back": "A pinched nerve in the low back",
    "mimic.shoulder_bursitis": "Shoulder bursitis",
    "mimic.rotator_cuff": "Rotator cuff injury",
    "mimic.biceps_tendinitis": "Biceps tendinitis",
    "mimic.frozen_shoulder": "Frozen shoulder",
    "mimic.tennis_elbow": "Tennis elbow",
    "mimic.golfers_elbow": "Golfer's elbow",
    "mimic.carpal_tunnel": "Carpal tunnel syndrome",
    "mimic.finger_arthritis": "Arthritis in the fingers",
    "mimic.upper_back_strain": "Upper back strain",
    "mimic.heart_pain": "Heart pain (angina)",
    "mimic.side_stitch": "A stitch in the side",
    "mimic.shingles": "Shingles",
    "mimic.rib_injury": "A rib injury",
    "mimic.organ_pain": "Pain from an inner organ",
    "mimic.lumbago": "Lumbago (low back pain)",
    "mimic.disc_pain": "A disc problem",
    "mimic.tailbone_pain": "Tailbone pain",
    "mimic.hip_bursitis": "Hip bursitis",
    "mimic.appendicitis": "Appendicitis",
    "mimic.si_joint": "Sacroiliac joint pain",
    "mimic.facet_pain": "Spinal joint (facet) pain",
    "mimic.sciatica": "Sciatica",
    "mimic.it_band": "IT band syndrome",
    "mimic.knee_arthritis": "Knee arthritis",
    "mimic.knee_cartilage": "Torn knee cartilage (meniscus)",
    "mimic.kneecap_trouble": "Kneecap problems",
    "mimic.groin_strain": "Groin strain",
    "mimic.cramps": "Leg cramps",
    "mimic.clot": "A blood clot (DVT)",
    "mimic.plantar_fasciitis": "Plantar fasciitis",
    "mimic.heel_spur": "Heel spur",
    "mimic.ankle_pain": "Ankle joint pain",
    "mimic.ankle_sprain": "Ankle sprain",
    "mimic.ankle_arthritis": "Ankle arthritis",
})


def M(mid, name, what, refers, notice, mistaken, overload, therapist, selfcare):
    for k, v in (("name", name), ("what", what), ("refers", refers), ("notice", notice),
                 ("mistaken", mistaken), ("overload", overload), ("therapist", therapist),
                 ("selfcare", selfcare)):
        S["muscle.%s.%s" % (mid, k)] = v


from text_en_muscles import define  # noqa: E402
define(M)
