"""English muscle pages. One call per muscle:
M(id, name, what, refers, notice, mistaken, overload, therapist, selfcare)."""


def define(M):
    M("upper_trapezius", "Upper trapezius",
      "The upper trapezius runs over the top of your shoulder, from the back of your neck "
      "out to the shoulder tip. It lifts and holds up your shoulders and helps turn your head.",
      "Up the side and back of your neck, behind your ear and into your temple. Sometimes "
      "behind your eye or toward the angle of your jaw.",
      "A headache at the temple, a stiff neck, and a sore ridge on top of the shoulder. "
      "It is often worse at the end of a long day.",
      "Tension headache or a stiff neck.",
      "Hunching over a desk or phone, lifting your shoulders when stressed, carrying a heavy "
      "bag on one shoulder, and holding a phone between ear and shoulder.",
      "Press or gently squeeze the ridge on top of your shoulder, hold tender spots, and "
      "stretch the side of your neck.",
      "Several times a day, let your shoulders drop and breathe out slowly. Check that your "
      "screen is at eye level.")

    M("temporalis", "Temporalis",
      "A flat, fan-shaped muscle on the side of your head, above and in front of your ear. "
      "It closes your jaw when you bite and chew.",
      "Across the temple, over the eyebrow, and into the upper teeth.",
      "Headache at the side of the head, sore or sensitive upper teeth, and a tired jaw.",
      "Toothache or jaw joint problems (TMJ).",
      "Clenching or grinding your teeth, often at night or when stressed. Chewing gum for a "
      "long time.",
      "Work gently over the temple with the fingertips and check the chewing muscles too.",
      "Let your teeth rest apart with your lips closed and your tongue resting behind your "
      "top teeth.")

    M("gluteus_minimus", "Gluteus minimus",
      "A small, deep muscle under the other buttock muscles, on the outer side of the hip. "
      "It keeps your pelvis level when you stand on one leg and walk.",
      "Down the outside of your thigh and lower leg, sometimes as far as the ankle. Its back "
      "part sends pain into the buttock, the back of the thigh and the calf.",
      "Pain when you get up from a chair, walk, or lie on that side. The pain can run down "
      "the leg in a line.",
      "Sciatica or a pinched nerve in the low back.",
      "Walking or running a lot, standing with your weight on one leg, sitting still for "
      "long periods, or a fall onto the hip.",
      "Press into the side and upper buttock to find tender spots, and stretch the hip.",
      "Stand with your weight on both feet. When you sleep on your side, put a pillow "
      "between your knees.")

    M("soleus", "Soleus",
      "A broad, flat muscle deep in your calf, under the bigger calf muscle. It lifts your "
      "heel and steadies you when you stand and walk.",
      "Into the back and underside of the heel, and around the Achilles tendon. Sometimes "
      "to the low back near the base of the spine.",
      "Heel pain, often worse with the first steps in the morning or when walking uphill "
      "or on stairs.",
      "Plantar fasciitis. Calf pain can also look like a blood clot, which is why we asked "
      "about your calf first.",
      "Walking or running uphill, wearing high heels, standing for long hours, and shoes "
      "with little support.",
      "Work into the lower calf above the heel with steady pressure, and stretch the calf "
      "with the knee bent.",
      "Stand facing a wall with one foot back. Bend both knees a little until you feel a "
      "gentle stretch low in the calf, and hold for about 30 seconds.")

    M("pectoralis_major", "Pectoralis major",
      "The large muscle on the front of your chest. It pulls your arm forward and across "
      "your body, and helps you push and hug.",
      "Across the chest and into the front of the shoulder. Sometimes down the inside of "
      "the arm to the elbow.",
      "Chest tightness, a sore front of the shoulder, and rounded shoulders.",
      "Heart pain (angina). Chest pain must always be checked by a doctor first, which is "
      "why we asked about it.",
      "Sitting slumped forward, lots of pushing or lifting in front of you, and sleeping "
      "curled up with your arms folded.",
      "Press and gently stretch the chest muscle near the armpit and below the collarbone.",
      "Stand in a doorway with your forearms on the frame. Lean forward a little until you "
      "feel a gentle stretch across the chest.")

    M("quadratus_lumborum", "Quadratus lumborum",
      "A deep muscle in your low back, between your lowest rib and the top of your hip bone. "
      "It bends you to the side and holds you up when you stand.",
      "Into the low back near the base of the spine, the buttock, and the outside of the "
      "hip. Sometimes along the hip bone toward the groin.",
      "Deep low back ache, pain when you turn in bed or stand up, and pain when you cough "
      "or sneeze.",
      "A disc problem, lumbago or hip bursitis.",
      "Lifting and twisting at the same time, bending to one side, standing with your weight "
      "on one leg, and gardening or housework bent over.",
      "Work slowly along the side of the low back with you lying on your side.",
      "Lie on your back with your knees bent. Let both knees sway gently side to side for "
      "a minute.")

    # ---------------------------------------------------------------- head and neck
    M("masseter", "Masseter",
      "A thick, strong muscle on the side of your face, between the cheekbone and the angle "
      "of the jaw. It is your main chewing muscle.",
      "Into the cheek, the upper and lower back teeth, the jaw joint, over the eyebrow and "
      "deep into the ear.",
      "A sore jaw, trouble opening your mouth wide, aching back teeth, or ringing in the ear "
      "on one side.",
      "Toothache, sinus trouble, jaw joint problems (TMJ) or an ear problem.",
      "Clenching or grinding your teeth, chewing gum or tough food, biting your nails, and "
      "holding your jaw tight when you concentrate.",
      "Work gently over the cheek and jaw from the outside. Some therapists are trained to "
      "work inside the mouth with a gloved hand, only with your permission.",
      "Place your fingertips on your cheeks and slowly let your jaw hang open. Rub in small "
      "circles for a minute.")

    M("sternocleidomastoid", "Sternocleidomastoid (SCM)",
      "A long, rope-like muscle on each side of your neck. It runs from behind your ear down "
      "to your breastbone and collarbone. It turns and bends your head.",
      "Around the eye, across the forehead and cheek, deep into the ear and behind it. "
      "Sometimes to the top and back of the head, the throat or the breastbone.",
      "Headaches around the eye or forehead, a blocked or full feeling in the ear, dizziness "
      "when you turn your head, or a watery eye.",
      "Sinus trouble, an ear problem, dizziness from the inner ear, or tension headache.",
      "Looking up for a long time (painting a ceiling), sleeping with the head twisted, "
      "whiplash, and breathing with the upper chest.",
      "Gently pinch and hold the muscle between thumb and fingers, staying away from the "
      "front of the neck.",
      "Sit tall. Slowly turn your head to one side and look slightly up. Hold for a few "
      "breaths, then do the other side.")

    M("suboccipitals", "Suboccipitals",
      "A group of small, deep muscles just under the base of your skull. They make tiny "
      "movements of your head, like nodding and tilting.",
      "A band from the back of the head around the side to the eye and forehead. It can "
      "feel like a tight band around the head.",
      "Headache at the base of the skull, pain behind the eye, and tenderness where your "
      "head meets your neck.",
      "Tension headache or migraine.",
      "Pushing your chin forward to look at a screen, looking up for a long time, "
      "glasses that make you tilt your head, and a pillow that is too high.",
      "Hold gentle, steady pressure under the base of the skull while you lie on your back.",
      "Lie on your back with two tennis balls in a sock under the base of your skull. "
      "Relax for a few minutes. Stop if it hurts.")

    M("splenius", "Splenius (capitis and cervicis)",
      "Two flat muscles on the back of the neck, under the trapezius. They turn your head "
      "and hold it up.",
      "To the top of the head. The lower part sends pain through the head to behind the "
      "eye, and to the base of the neck.",
      "Pain on the top of the head, an ache behind the eye, a stiff neck, and sometimes "
      "blurred vision.",
      "Migraine or tension headache.",
      "Holding your head forward or turned for a long time, sleeping with the neck bent, "
      "and whiplash.",
      "Press along the back of the neck, just below the skull and out to the side.",
      "Sit tall and gently tuck your chin, as if making a double chin. Hold for 5 seconds, "
      "and repeat 5 times.")

    M("levator_scapulae", "Levator scapulae",
      "A muscle on the back and side of your neck. It runs from the upper neck down to the "
      "top inner corner of the shoulder blade, and lifts the shoulder blade.",
      "Into the angle where the neck meets the shoulder, and down the inner edge of the "
      "shoulder blade. Sometimes to the back of the shoulder.",
      "A stiff neck that will not turn all the way, often worse when you look over your "
      "shoulder.",
      "A \"stiff neck\" or a pinched nerve.",
      "Holding a phone between ear and shoulder, sleeping with the head tilted, carrying "
      "a bag on one shoulder, and stress.",
      "Press into the angle between neck and shoulder and gently stretch the neck.",
      "Turn your head a little to one side and look down toward your armpit. Hold a gentle "
      "stretch for 30 seconds.")

    M("scalenes", "Scalenes",
      "Three small muscles on the side of your neck. They bend your neck sideways and lift "
      "your top ribs when you breathe in hard.",
      "Into the chest, the front and back of the shoulder, down the outer arm to the thumb "
      "and index finger, and to the inner edge of the shoulder blade.",
      "Aching in the chest or arm, and sometimes tingling or numbness in the hand. Pain may "
      "be worse at night.",
      "Thoracic outlet syndrome or a pinched nerve in the neck. Numbness in the arm should "
      "be checked by a doctor.",
      "Breathing with the upper chest, coughing a lot, carrying heavy things, and whiplash.",
      "Work very gently on the side of the neck, which has nerves and blood vessels close "
      "by.",
      "Breathe slowly into your belly, not your upper chest. Five slow breaths, a few times "
      "a day.")

    # ---------------------------------------------------------------- shoulder and arm
    M("supraspinatus", "Supraspinatus",
      "A rotator cuff muscle that sits above the ridge of the shoulder blade. It starts the "
      "movement of lifting your arm out to the side.",
      "A deep ache in the middle of the shoulder. It can run down the outer arm, sometimes "
      "to the outside of the elbow.",
      "A deep shoulder ache, pain when you lift your arm to the side, and a dull ache at "
      "night.",
      "Shoulder bursitis or tennis elbow.",
      "Carrying heavy bags with the arms hanging, lifting above shoulder height, and "
      "walking a dog that pulls.",
      "Press into the top of the shoulder blade and work the outer shoulder.",
      "Keep your arm resting on a cushion when you sit. Avoid carrying heavy bags on that "
      "side for a while.")

    M("infraspinatus", "Infraspinatus",
      "A rotator cuff muscle that covers most of your shoulder blade. It turns your arm "
      "outward and holds the ball of the shoulder in place.",
      "Deep into the front of the shoulder, down the front of the arm and sometimes to the "
      "thumb side of the hand.",
      "Pain deep in the front of the shoulder, trouble reaching behind your back, and pain "
      "when lying on that side.",
      "Biceps tendinitis, a rotator cuff tear, or a pinched nerve in the neck.",
      "Reaching behind you or up and back, a fall onto the arm, long hours with the mouse "
      "held away from your body, and throwing sports.",
      "Press on tender spots over the shoulder blade. The pain you feel in the front of the "
      "shoulder may change while they do.",
      "Lie on your back on a tennis ball placed under your shoulder blade. Rest on it "
      "gently for about a minute.")

    M("subscapularis", "Subscapularis",
      "A rotator cuff muscle on the underside of the shoulder blade, against the ribs. It "
      "turns your arm inward.",
      "To the back of the shoulder, down the back of the arm, and in a band around the "
      "wrist.",
      "Trouble raising your arm, reaching back to throw or reaching into a back pocket. "
      "The shoulder may feel stuck.",
      "Frozen shoulder.",
      "Repeated overhead work, swimming, throwing, a fall, and keeping the arm still in a "
      "sling for a long time.",
      "Work gently into the armpit, along the underside of the shoulder blade.",
      "Stand in a doorway and place your hand on the frame at shoulder height. Slowly turn "
      "your body away until you feel a gentle stretch.")

    M("rhomboids", "Rhomboids",
      "Flat muscles between your spine and your shoulder blades. They pull your shoulder "
      "blades together.",
      "A local ache or burning between the shoulder blades, along the inner edge of the "
      "shoulder blade.",
      "A nagging ache between the shoulder blades that does not ease with rest.",
      "Upper back strain.",
      "Sitting with rounded shoulders, working with the arms out in front, and tight chest "
      "muscles pulling the shoulders forward.",
      "Press along the inner edge of the shoulder blade. They often work on the chest "
      "muscles too.",
      "Lean back against a wall with a tennis ball between your spine and shoulder blade. "
      "Roll slowly over tender spots.")

    M("latissimus_dorsi", "Latissimus dorsi",
      "The broad muscle of the mid and low back that wraps up into the back of the armpit. "
      "It pulls your arm down and back.",
      "To the lower tip of the shoulder blade and the mid back. Sometimes down the inside "
      "of the arm to the ring and little fingers.",
      "A constant ache below the shoulder blade that does not change much with movement.",
      "A pinched nerve in the neck. Pain that spreads to the arm can also look like heart "
      "pain, which a doctor must rule out.",
      "Pulling and reaching overhead, such as swimming, climbing, chin-ups, gardening or "
      "hanging washing.",
      "Squeeze and hold the fold at the back of the armpit.",
      "Hold onto a door frame and sink your hips away from it. Feel a gentle stretch along "
      "your side.")

    M("serratus_anterior", "Serratus anterior",
      "A muscle on the side of your ribs, under the armpit. It holds your shoulder blade "
      "against your ribs and helps you push and reach.",
      "To the side of the chest, and to the mid back below the shoulder blade. Sometimes "
      "down the inside of the arm.",
      "A stitch in the side, pain when you breathe in deeply, and trouble lying on that side.",
      "A stitch in the side, shingles, or a rib injury.",
      "Running, push-ups, lifting heavy things overhead, and a hard cough.",
      "Press along the side ribs, gently, with you lying on your side.",
      "Take slow, full breaths into your side ribs. Place your hands there to feel them "
      "widen.")

    M("pectoralis_minor", "Pectoralis minor",
      "A smaller muscle under the pectoralis major, from the upper ribs to the front of the "
      "shoulder blade. It pulls the shoulder forward and down.",
      "Over the front of the chest and shoulder. Sometimes down the inside of the arm to "
      "the little-finger side of the hand.",
      "Rounded shoulders, chest tightness, and sometimes tingling in the hand.",
      "Heart pain (angina) or thoracic outlet syndrome. Chest pain must always be checked "
      "by a doctor first.",
      "Slumped sitting, carrying a backpack, crutches, and breathing with the upper chest.",
      "Work gently under the edge of the big chest muscle near the armpit.",
      "Lie on your back with a rolled towel along your spine. Let your arms rest out to the "
      "sides for a few minutes.")

    M("deltoid", "Deltoid",
      "The rounded muscle that caps your shoulder. It lifts your arm forward, to the side "
      "and back.",
      "Mostly around itself: the front, side or back of the shoulder and the upper arm.",
      "Pain when you lift your arm, and a sore spot on the shoulder you can press.",
      "Shoulder bursitis or a rotator cuff injury.",
      "Lifting and holding things at arm's length, overhead work, and a fall or knock to "
      "the shoulder.",
      "Press and gently knead the shoulder cap.",
      "Let your arm hang and swing it gently in small circles, like a pendulum, for a "
      "minute.")

    M("biceps", "Biceps",
      "The muscle on the front of your upper arm. It bends your elbow and turns your palm up.",
      "To the front of the shoulder and the front of the elbow.",
      "A superficial ache at the front of the shoulder, and trouble straightening the arm "
      "all the way.",
      "Biceps tendinitis.",
      "Lifting with the palms up, carrying heavy shopping, and turning a screwdriver a lot.",
      "Squeeze and hold the muscle, and gently straighten the arm.",
      "Stand with your arm straight behind you, palm on a wall. Turn your body away slowly "
      "for a gentle stretch.")

    M("triceps", "Triceps",
      "The muscle on the back of your upper arm. It straightens your elbow.",
      "To the back of the shoulder and arm, the outside and inside of the elbow, and "
      "sometimes the ring and little fingers.",
      "Elbow pain when you straighten your arm, and an ache at the back of the arm.",
      "Tennis elbow or golfer's elbow.",
      "Pushing, push-ups, using crutches or a walking stick, and leaning on your elbows.",
      "Press and squeeze along the back of the arm.",
      "Lift your arm, bend the elbow and let your hand fall behind your head. Use the other "
      "hand to ease the elbow back gently.")

    M("wrist_extensors", "Wrist and finger extensors",
      "A group of muscles on the back of your forearm, below the elbow. They lift your "
      "wrist and straighten your fingers.",
      "To the outside of the elbow, the back of the forearm and wrist, and the back of the "
      "hand.",
      "Pain on the outside of the elbow, a weak grip, and dropping things.",
      "Tennis elbow.",
      "Gripping hard and often: a computer mouse, tools, a racket, or lifting with the palm "
      "down.",
      "Press along the upper forearm just below the elbow.",
      "Hold your arm out straight, palm down. With the other hand, gently bend the wrist "
      "down until you feel a stretch.")

    M("brachioradialis", "Brachioradialis",
      "A muscle on the thumb side of your forearm. It bends the elbow, especially when your "
      "thumb points up.",
      "To the outside of the elbow and down to the web between the thumb and index finger.",
      "Pain at the outer elbow and at the base of the thumb, and a weak grip.",
      "Tennis elbow.",
      "Lifting with the thumb up, like a kettle or a heavy mug, and using hand tools.",
      "Press and squeeze the muscle just below the outer elbow.",
      "When you lift, turn your palm up and keep the load close to your body.")

    M("finger_flexors", "Finger flexors",
      "Muscles on the palm side of your forearm. They bend your fingers and help you grip.",
      "Into the fingers on the palm side, sometimes feeling as if it shoots out past the "
      "fingertips. Also into the palm and forearm.",
      "Aching fingers, a stiff hand, and trouble gripping or writing.",
      "Carpal tunnel syndrome or arthritis in the fingers.",
      "Gripping for long periods: tools, a steering wheel, a phone, knitting, or climbing.",
      "Press along the inner forearm and gently stretch the fingers back.",
      "Place your palm on a table and lift your elbow a little to stretch the fingers and "
      "wrist gently.")

    M("supinator", "Supinator",
      "A small muscle wrapped around the top of the forearm near the elbow. It turns your "
      "palm up.",
      "To the outside of the elbow and the back of the hand near the thumb.",
      "Pain on the outside of the elbow when you turn a key, a doorknob or a jar lid.",
      "Tennis elbow.",
      "Turning things repeatedly, using a screwdriver, carrying a briefcase, and backhand "
      "strokes in racket sports.",
      "Press just below and in front of the outer elbow.",
      "Take breaks from turning jobs. Use your whole arm, not just the wrist.")

    # ---------------------------------------------------------------- trunk
    M("paraspinals", "Paraspinal muscles (erector spinae)",
      "Long muscles that run on each side of your spine, from the pelvis to the neck. They "
      "hold you upright and straighten your back.",
      "Up and down the back beside the spine. The lower ones can send pain to the buttock "
      "and the base of the spine. The mid-back ones sometimes to the belly.",
      "A stiff, aching back, worse when you stand up after sitting or bend forward.",
      "Lumbago, or pain from an inner organ.",
      "Lifting with a rounded back, sitting for hours, a sudden twist, and long drives.",
      "Work along the muscles beside the spine with steady pressure.",
      "Lie on your back and hug your knees to your chest. Rock gently side to side.")

    M("multifidi", "Multifidi",
      "Small, deep muscles that link one vertebra to the next. They steady each joint of "
      "the spine.",
      "Close to the spine at the same level, and to the base of the spine and tailbone. "
      "Sometimes to the belly.",
      "A deep, one-sided ache right next to the spine that is hard to stretch out.",
      "A disc problem or tailbone pain.",
      "Bending and twisting together, sitting slumped, and a sudden awkward movement.",
      "Press deeply and slowly right beside the spine.",
      "Lie on your back with knees bent and gently tilt your pelvis back and forth 10 times.")

    M("rectus_abdominis", "Rectus abdominis",
      "The long, flat muscle down the front of your belly, from the ribs to the pubic bone. "
      "It bends your trunk forward.",
      "Across the low back in a band, side to side. The upper part may send pain across the "
      "mid back.",
      "Low back pain that feels like a band, belly ache, or bloating.",
      "Pain from an inner organ. Belly pain should be checked by a doctor.",
      "Sit-ups, long coughing spells, poor posture, and surgery scars on the belly.",
      "Work gently on tender spots of the belly muscle.",
      "Lie on your front, propped on your elbows, and let your belly relax for a minute.")

    M("iliopsoas", "Iliopsoas (hip flexor)",
      "A deep muscle that runs from the lower spine, through the pelvis, to the top of the "
      "thigh. It lifts your knee and bends you forward at the hip.",
      "A vertical band beside the lower spine, down to the base of the spine. Also the "
      "front of the thigh and the groin.",
      "Low back pain when you stand up straight, and pain getting up from a chair.",
      "A disc problem. Belly pain on the lower right can look like appendicitis, which "
      "needs a doctor.",
      "Long hours of sitting, sit-ups, running uphill, and sleeping curled up.",
      "Work gently and slowly in the lower belly and at the top of the thigh, always with "
      "your permission.",
      "Kneel on one knee with the other foot in front. Tuck your hips under and lean "
      "forward gently until you feel a stretch at the front of the hip.")

    # ---------------------------------------------------------------- hip
    M("gluteus_maximus", "Gluteus maximus",
      "The largest muscle of the buttock. It straightens your hip when you stand up, climb "
      "stairs or run.",
      "Into the buttock, the base of the spine and the tailbone.",
      "Pain when sitting for long, climbing stairs or walking uphill, and a sore tailbone.",
      "Tailbone pain.",
      "Long sitting, climbing, a fall on the buttocks, and sleeping curled up.",
      "Press and lean into the buttock muscle.",
      "Sit on a firm chair with a small cushion, and stand up and walk every 30 minutes.")

    M("gluteus_medius", "Gluteus medius",
      "A fan-shaped muscle on the upper outer buttock, below the rim of the hip bone. It "
      "keeps your pelvis level when you walk.",
      "Along the rim of the hip bone, to the low back, the base of the spine and the "
      "buttock.",
      "Low back pain, pain when you walk or stand on one leg, and trouble lying on that side.",
      "Sacroiliac joint pain or spinal joint (facet) pain.",
      "Walking or running a lot, standing on one leg, sitting with a wallet in the back "
      "pocket, and a fall.",
      "Press along the upper outer buttock just below the hip bone.",
      "Lie on your back, cross one ankle over the other knee and gently pull the knee "
      "toward you.")

    M("piriformis", "Piriformis",
      "A small, deep muscle behind the hip, from the base of the spine to the top of the "
      "thigh bone. It turns the leg outward.",
      "To the base of the spine, across the buttock, the back of the hip and down the back "
      "of the thigh.",
      "Deep buttock pain, worse when sitting, and pain that can run down the back of the "
      "thigh.",
      "Sciatica.",
      "Long drives, sitting on a wallet, running, and turning the leg out when lifting.",
      "Press deeply and slowly into the middle of the buttock.",
      "Lie on your back, cross one ankle over the other knee and gently pull the lower "
      "knee toward your chest.")

    M("tensor_fasciae_latae", "Tensor fasciae latae (TFL)",
      "A small muscle at the front and side of the hip. It helps lift the leg and keeps "
      "the knee steady.",
      "Into the outside of the hip and down the outside of the thigh toward the knee.",
      "Pain on the outer hip, worse when lying on that side or after sitting with the hips "
      "bent.",
      "Hip bursitis or IT band syndrome.",
      "Long sitting, running on slopes, and sleeping curled up.",
      "Press the front-outer hip and work along the outer thigh.",
      "Sleep with a pillow between your knees. Stand up and walk around every half hour.")

    # ---------------------------------------------------------------- thigh and knee
    M("rectus_femoris", "Rectus femoris",
      "One of the four quadriceps muscles, down the middle of the front of the thigh. It "
      "straightens the knee and lifts the thigh.",
      "To the kneecap and around it, and the lower front of the thigh.",
      "A deep knee ache, often at night, and weakness when going down stairs.",
      "Knee arthritis.",
      "Running downhill, squatting, kicking, and sitting with the knees bent for long.",
      "Press along the front of the thigh, starting near the hip.",
      "Stand holding a chair. Bend one knee and hold the ankle behind you. Keep the knees "
      "together and hold for 30 seconds.")

    M("vastus_medialis", "Vastus medialis",
      "The quadriceps muscle on the lower inner thigh, just above the knee. It straightens "
      "the knee and steadies the kneecap.",
      "To the front and inside of the knee.",
      "Knee pain, and later a knee that gives way or \"buckles\" without warning.",
      "Torn knee cartilage (meniscus) or kneecap problems.",
      "Kneeling, squatting, jogging, and a knock to the thigh.",
      "Press the lower inner thigh above the knee.",
      "Sit with the leg straight and tighten the thigh, pressing the back of the knee "
      "down. Hold 5 seconds, 10 times.")

    M("vastus_lateralis", "Vastus lateralis",
      "The biggest quadriceps muscle, on the outer thigh. It straightens the knee.",
      "Down the outside of the thigh to the outer knee. Sometimes up toward the hip.",
      "Outer thigh and knee pain, pain when lying on that side, and sometimes a stuck "
      "kneecap.",
      "IT band syndrome or kneecap problems.",
      "Running, skiing, squatting, and a knock to the thigh.",
      "Work along the outer thigh with steady pressure.",
      "Lie on a foam roller or soft ball along your outer thigh and roll slowly, pausing "
      "on tender spots.")

    M("adductors", "Adductors (inner thigh)",
      "A group of muscles on the inner thigh. They pull your legs together and steady you "
      "when you walk.",
      "Into the groin, down the inner thigh to the inside of the knee, and sometimes down "
      "the shin.",
      "Groin pain when you walk, climb stairs or spread your legs.",
      "A groin strain.",
      "Sudden side steps, horse riding, sitting cross-legged, and slipping on ice.",
      "Press along the inner thigh with care, always with your permission.",
      "Sit with the soles of your feet together and let your knees fall gently out to the "
      "sides.")

    M("hamstrings", "Hamstrings",
      "Three muscles on the back of your thigh. They bend your knee and straighten your hip.",
      "To the crease under the buttock, down the back of the thigh, and to the back of the "
      "knee. Sometimes into the calf.",
      "Pain when sitting, walking, or bending forward, and a tight back of the thigh.",
      "Sciatica.",
      "Sitting with the edge of the chair pressing on the thigh, sprinting, and kicking.",
      "Press along the back of the thigh while you lie face down.",
      "Sit on the edge of a chair with one leg straight, heel on the floor. Lean forward "
      "from the hips with a straight back.")

    # ---------------------------------------------------------------- lower leg and foot
    M("gastrocnemius", "Gastrocnemius",
      "The large calf muscle with two heads at the back of your lower leg. It lifts your "
      "heel and bends your knee.",
      "Through the calf and to the back of the knee. Sometimes to the arch of the foot.",
      "Calf cramps at night, tight calves, and pain when walking uphill.",
      "Leg cramps or a pinched nerve in the low back. Calf pain and swelling can also be a "
      "blood clot, which is why we asked about your calf first.",
      "Walking uphill, high heels, tight socks, and sitting with the feet pointed.",
      "Press and squeeze the upper calf while you lie face down.",
      "Stand facing a wall with one leg back and straight, heel down. Lean in gently until "
      "you feel a stretch in the calf.")

    M("tibialis_anterior", "Tibialis anterior",
      "The muscle on the front of your shin, just to the outside of the shin bone. It lifts "
      "your foot and toes.",
      "To the front of the ankle and the big toe. Sometimes down the shin and over the top "
      "of the foot.",
      "Pain at the front of the ankle or big toe, and tripping or catching your toes.",
      "Ankle joint pain.",
      "Walking on rough ground, running, tight shoes, and driving with the foot held up.",
      "Press along the muscle just outside the shin bone.",
      "Sit and gently point your foot and toes down, then draw circles with your foot.")

    M("peroneals", "Peroneal muscles (fibularis)",
      "Muscles on the outside of your lower leg. They turn the foot outward and steady the "
      "ankle.",
      "Around the outer ankle bone and along the outer side of the foot. Also the outer "
      "lower leg.",
      "Outer ankle pain and an ankle that feels weak or rolls easily.",
      "An ankle sprain or arthritis.",
      "Old ankle sprains, flat feet, high heels, and sleeping with the toes pointed.",
      "Press along the outer lower leg below the knee.",
      "Stand on one leg near a wall for 30 seconds to build ankle steadiness.")

    M("plantar_muscles", "Plantar muscles (sole of the foot)",
      "Small muscles in the sole of your foot, under the arch. They move your toes and "
      "support the arch.",
      "Into the heel and across the sole.",
      "Heel and arch pain, worst with the first steps in the morning.",
      "Plantar fasciitis or a heel spur.",
      "Long standing on hard floors, worn shoes, walking barefoot on hard ground, and a "
      "sudden increase in walking or running.",
      "Press steadily along the sole and arch.",
      "Sit and roll the sole of your foot slowly over a small ball for a minute or two.")
