"""Páginas de músculos en español. Una llamada por músculo:
M(id, nombre, qué, a dónde, qué nota, confusión, sobrecarga, terapeuta, autocuidado)."""


def define(M):
    M("upper_trapezius", "Trapecio superior",
      "El trapecio superior cubre la parte de arriba del hombro, desde la nuca hasta la punta "
      "del hombro. Levanta y sostiene los hombros y ayuda a girar la cabeza.",
      "Sube por el lado y la parte de atrás del cuello, detrás de la oreja y hasta la sien. A "
      "veces llega detrás del ojo o al ángulo de la mandíbula.",
      "Dolor de cabeza en la sien, cuello rígido y un cordón dolorido encima del hombro. Suele "
      "empeorar al final de un día largo.",
      "Dolor de cabeza tensional o cuello rígido.",
      "Estar encorvado frente a la mesa o el teléfono, subir los hombros con el estrés, llevar un "
      "bolso pesado en un hombro y sujetar el teléfono entre la oreja y el hombro.",
      "Presionar o apretar con suavidad el cordón de encima del hombro, mantener la presión en "
      "los puntos sensibles y estirar el lado del cuello.",
      "Varias veces al día, deje caer los hombros y suelte el aire despacio. Compruebe que la "
      "pantalla esté a la altura de los ojos.")

    M("temporalis", "Temporal",
      "Un músculo plano en forma de abanico a un lado de la cabeza, encima y delante de la "
      "oreja. Cierra la mandíbula al morder y masticar.",
      "A la sien, encima de la ceja y a los dientes de arriba.",
      "Dolor de cabeza a los lados, dientes de arriba sensibles o doloridos y la mandíbula "
      "cansada.",
      "Dolor de muelas o problemas de la articulación de la mandíbula (ATM).",
      "Apretar o rechinar los dientes, a menudo de noche o con estrés. Masticar chicle mucho "
      "rato.",
      "Trabajar la sien con suavidad con las yemas de los dedos y revisar también los músculos "
      "de masticar.",
      "Deje los dientes separados con los labios cerrados y la lengua apoyada detrás de los "
      "dientes de arriba.")

    M("gluteus_minimus", "Glúteo menor",
      "Un músculo pequeño y profundo, debajo de los otros músculos de la nalga, en el lado "
      "exterior de la cadera. Mantiene la pelvis nivelada al apoyarse en una pierna y al caminar.",
      "Baja por el lado exterior del muslo y de la pierna, a veces hasta el tobillo. Su parte "
      "de atrás envía dolor a la nalga, la parte de atrás del muslo y la pantorrilla.",
      "Dolor al levantarse de una silla, al caminar o al acostarse de ese lado. El dolor puede "
      "bajar por la pierna como una línea.",
      "Ciática o un nervio pinzado en la zona lumbar.",
      "Caminar o correr mucho, estar de pie con el peso en una sola pierna, pasar mucho tiempo "
      "sentado sin moverse o una caída sobre la cadera.",
      "Presionar el lado de la cadera y la parte alta de la nalga para buscar puntos sensibles, "
      "y estirar la cadera.",
      "Póngase de pie con el peso repartido en los dos pies. Si duerme de lado, ponga una "
      "almohada entre las rodillas.")

    M("soleus", "Sóleo",
      "Un músculo ancho y plano en lo profundo de la pantorrilla, debajo de los gemelos. "
      "Levanta el talón y le da estabilidad al estar de pie y caminar.",
      "A la parte de atrás y de abajo del talón, y alrededor del tendón de Aquiles. A veces a "
      "la zona baja de la espalda, cerca del final de la columna.",
      "Dolor de talón, a menudo peor en los primeros pasos de la mañana o al subir cuestas o "
      "escaleras.",
      "Fascitis plantar. El dolor de pantorrilla también se puede parecer a un coágulo; por eso "
      "le preguntamos antes por su pantorrilla.",
      "Caminar o correr cuesta arriba, usar tacones, estar de pie muchas horas y el calzado "
      "con poco soporte.",
      "Trabajar la parte baja de la pantorrilla, encima del talón, con presión constante, y "
      "estirar la pantorrilla con la rodilla doblada.",
      "Póngase frente a una pared con un pie atrás. Doble un poco las dos rodillas hasta notar "
      "un estiramiento suave en la parte baja de la pantorrilla. Manténgalo unos 30 segundos.")

    M("pectoralis_major", "Pectoral mayor",
      "El músculo grande de la parte delantera del pecho. Lleva el brazo hacia delante y a "
      "través del cuerpo, y ayuda a empujar y a abrazar.",
      "A todo el pecho y a la parte delantera del hombro. A veces baja por la parte interior "
      "del brazo hasta el codo.",
      "Opresión en el pecho, dolor en la parte delantera del hombro y hombros caídos hacia "
      "delante.",
      "Dolor del corazón (angina de pecho). El dolor de pecho siempre lo debe revisar primero "
      "un médico; por eso le preguntamos por él.",
      "Sentarse encorvado, empujar o levantar mucho peso delante del cuerpo y dormir encogido "
      "con los brazos cruzados.",
      "Presionar y estirar con suavidad el músculo del pecho cerca de la axila y debajo de la "
      "clavícula.",
      "Póngase en el marco de una puerta con los antebrazos apoyados. Inclínese un poco hacia "
      "delante hasta notar un estiramiento suave en el pecho.")

    M("quadratus_lumborum", "Cuadrado lumbar",
      "Un músculo profundo de la zona lumbar, entre la última costilla y el borde de la "
      "cadera. Inclina el cuerpo hacia un lado y lo sostiene al estar de pie.",
      "A la zona lumbar cerca del final de la columna, a la nalga y al lado exterior de la "
      "cadera. A veces sigue el hueso de la cadera hacia la ingle.",
      "Dolor profundo en la zona lumbar, dolor al darse la vuelta en la cama o al ponerse de "
      "pie, y dolor al toser o estornudar.",
      "Un problema de disco, lumbago o bursitis de cadera.",
      "Levantar peso girando a la vez, inclinarse hacia un lado, estar de pie con el peso en "
      "una pierna y hacer tareas de jardín o de casa agachado.",
      "Trabajar despacio el lado de la zona lumbar mientras usted está de lado.",
      "Acuéstese boca arriba con las rodillas dobladas. Deje que las dos rodillas se balanceen "
      "con suavidad de un lado a otro durante un minuto.")

    # ---------------------------------------------------------------- cabeza y cuello
    M("masseter", "Masetero",
      "Un músculo grueso y fuerte a un lado de la cara, entre el pómulo y el ángulo de la "
      "mandíbula. Es el músculo principal para masticar.",
      "A la mejilla, a las muelas de arriba y de abajo, a la articulación de la mandíbula, "
      "encima de la ceja y al fondo del oído.",
      "Mandíbula dolorida, dificultad para abrir bien la boca, dolor en las muelas o un "
      "zumbido en un oído.",
      "Dolor de muelas, sinusitis, problemas de la articulación de la mandíbula (ATM) o un "
      "problema de oído.",
      "Apretar o rechinar los dientes, masticar chicle o comida dura, morderse las uñas y "
      "tensar la mandíbula al concentrarse.",
      "Trabajar con suavidad la mejilla y la mandíbula por fuera. Algunos terapeutas están "
      "formados para trabajar dentro de la boca con guante, solo si usted lo permite.",
      "Ponga las yemas de los dedos en las mejillas y deje caer la mandíbula despacio. Haga "
      "pequeños círculos durante un minuto.")

    M("sternocleidomastoid", "Esternocleidomastoideo (ECM)",
      "Un músculo largo, como una cuerda, a cada lado del cuello. Va de detrás de la oreja "
      "al esternón y la clavícula. Gira e inclina la cabeza.",
      "Alrededor del ojo, a la frente y la mejilla, al fondo del oído y detrás de la oreja. "
      "A veces a la parte de arriba y de atrás de la cabeza, a la garganta o al esternón.",
      "Dolor de cabeza alrededor del ojo o en la frente, oído tapado, mareo al girar la "
      "cabeza o un ojo que lagrimea.",
      "Sinusitis, un problema de oído, mareo del oído interno o dolor de cabeza tensional.",
      "Mirar hacia arriba mucho rato (por ejemplo, pintar un techo), dormir con la cabeza "
      "girada, un latigazo cervical y respirar con la parte alta del pecho.",
      "Pinzar con suavidad el músculo entre el pulgar y los dedos y mantenerlo, lejos de la "
      "parte delantera del cuello.",
      "Siéntese con la espalda recta. Gire la cabeza despacio hacia un lado y mire un poco hacia arriba. "
      "Respire unas veces y haga el otro lado.")

    M("suboccipitals", "Suboccipitales",
      "Un grupo de músculos pequeños y profundos justo debajo de la base del cráneo. Hacen "
      "movimientos finos de la cabeza, como asentir o inclinarla.",
      "Una banda desde la parte de atrás de la cabeza, por el lado, hasta el ojo y la "
      "frente. Puede sentirse como una cinta apretada alrededor de la cabeza.",
      "Dolor de cabeza en la base del cráneo, dolor detrás del ojo y sensibilidad donde la "
      "cabeza se une al cuello.",
      "Dolor de cabeza tensional o migraña.",
      "Adelantar la barbilla para mirar una pantalla, mirar hacia arriba mucho rato, unas "
      "gafas que obligan a inclinar la cabeza y una almohada demasiado alta.",
      "Mantener una presión suave y constante debajo de la base del cráneo mientras usted "
      "está boca arriba.",
      "Acuéstese boca arriba con dos pelotas de tenis dentro de un calcetín bajo la base "
      "del cráneo. Relájese unos minutos. Pare si le duele.")

    M("splenius", "Esplenio (de la cabeza y del cuello)",
      "Dos músculos planos en la parte de atrás del cuello, debajo del trapecio. Giran la "
      "cabeza y la sostienen.",
      "A la parte de arriba de la cabeza. La parte baja envía dolor a través de la cabeza "
      "hasta detrás del ojo, y a la base del cuello.",
      "Dolor en la parte de arriba de la cabeza, dolor detrás del ojo, cuello rígido y a "
      "veces visión borrosa.",
      "Migraña o dolor de cabeza tensional.",
      "Mantener la cabeza adelantada o girada mucho tiempo, dormir con el cuello doblado y "
      "un latigazo cervical.",
      "Presionar a lo largo de la nuca, justo debajo del cráneo y hacia los lados.",
      "Siéntese con la espalda recta y meta un poco la barbilla, como si hiciera papada. "
      "Manténgalo 5 segundos y repita 5 veces.")

    M("levator_scapulae", "Elevador de la escápula",
      "Un músculo en la parte de atrás y el lado del cuello. Va desde la parte alta del "
      "cuello hasta la esquina superior e interior del omóplato, y lo levanta.",
      "Al ángulo donde el cuello se une al hombro y por el borde interior del omóplato. A "
      "veces a la parte de atrás del hombro.",
      "Un cuello rígido que no gira del todo, peor al mirar por encima del hombro.",
      "Tortícolis o un nervio pinzado.",
      "Sujetar el teléfono entre la oreja y el hombro, dormir con la cabeza ladeada, llevar "
      "un bolso en un hombro y el estrés.",
      "Presionar en el ángulo entre el cuello y el hombro y estirar el cuello con suavidad.",
      "Gire un poco la cabeza hacia un lado y mire hacia la axila. Mantenga un estiramiento "
      "suave 30 segundos.")

    M("scalenes", "Escalenos",
      "Tres músculos pequeños en el lado del cuello. Inclinan el cuello hacia un lado y "
      "levantan las primeras costillas al respirar con fuerza.",
      "Al pecho, a la parte delantera y de atrás del hombro, por el lado exterior del brazo "
      "hasta el pulgar y el índice, y al borde interior del omóplato.",
      "Dolor en el pecho o el brazo y a veces hormigueo o adormecimiento en la mano. El "
      "dolor puede empeorar de noche.",
      "Síndrome del desfiladero torácico o un nervio pinzado en el cuello. El adormecimiento "
      "del brazo lo debe revisar un médico.",
      "Respirar con la parte alta del pecho, toser mucho, cargar cosas pesadas y un "
      "latigazo cervical.",
      "Trabajar con mucha suavidad el lado del cuello, donde hay nervios y vasos sanguíneos "
      "cerca.",
      "Respire despacio llevando el aire al vientre, no a la parte alta del pecho. Cinco "
      "respiraciones lentas, varias veces al día.")

    # ---------------------------------------------------------------- hombro y brazo
    M("supraspinatus", "Supraespinoso",
      "Un músculo del manguito rotador que está encima de la cresta del omóplato. Empieza el "
      "movimiento de subir el brazo hacia el lado.",
      "Un dolor profundo en el centro del hombro. Puede bajar por el lado exterior del "
      "brazo y a veces llegar al lado exterior del codo.",
      "Dolor profundo en el hombro, dolor al subir el brazo hacia el lado y molestia sorda "
      "por la noche.",
      "Bursitis del hombro o codo de tenista.",
      "Cargar bolsas pesadas con los brazos colgando, levantar cosas por encima del hombro y "
      "pasear a un perro que tira.",
      "Presionar la parte de arriba del omóplato y trabajar el lado del hombro.",
      "Al sentarse, apoye el brazo en un cojín. Durante un tiempo, evite llevar bolsas "
      "pesadas de ese lado.")

    M("infraspinatus", "Infraespinoso",
      "Un músculo del manguito rotador que cubre casi todo el omóplato. Gira el brazo hacia "
      "fuera y mantiene la cabeza del hombro en su sitio.",
      "En lo profundo de la parte delantera del hombro, por delante del brazo y a veces al "
      "lado del pulgar de la mano.",
      "Dolor profundo en la parte delantera del hombro, dificultad para llevar la mano a la "
      "espalda y dolor al acostarse de ese lado.",
      "Tendinitis del bíceps, una rotura del manguito rotador o un nervio pinzado en el "
      "cuello.",
      "Estirarse hacia atrás o hacia arriba y atrás, una caída sobre el brazo, muchas horas "
      "con el ratón lejos del cuerpo y los deportes de lanzamiento.",
      "Presionar los puntos sensibles del omóplato. Mientras lo hace, puede cambiar el dolor "
      "que nota en la parte delantera del hombro.",
      "Acuéstese boca arriba con una pelota de tenis bajo el omóplato. Apóyese con suavidad "
      "durante un minuto.")

    M("subscapularis", "Subescapular",
      "Un músculo del manguito rotador en la cara interior del omóplato, pegado a las "
      "costillas. Gira el brazo hacia dentro.",
      "A la parte de atrás del hombro, por detrás del brazo y como una pulsera alrededor de "
      "la muñeca.",
      "Dificultad para subir el brazo, para echarlo atrás al lanzar o para llegar al "
      "bolsillo de atrás. El hombro puede sentirse bloqueado.",
      "Hombro congelado.",
      "Trabajar con los brazos en alto, nadar, lanzar, una caída y tener el brazo quieto en "
      "un cabestrillo mucho tiempo.",
      "Trabajar con suavidad dentro de la axila, por la cara interior del omóplato.",
      "Póngase en el marco de una puerta con la mano apoyada a la altura del hombro. Gire el "
      "cuerpo despacio hacia el otro lado hasta notar un estiramiento suave.")

    M("rhomboids", "Romboides",
      "Músculos planos entre la columna y los omóplatos. Juntan los omóplatos.",
      "Un dolor o ardor entre los omóplatos, a lo largo del borde interior del omóplato.",
      "Un dolor persistente entre los omóplatos que no mejora con el descanso.",
      "Una contractura en la parte alta de la espalda.",
      "Sentarse con los hombros caídos hacia delante, trabajar con los brazos estirados al "
      "frente y unos pectorales tensos que tiran de los hombros.",
      "Presionar a lo largo del borde interior del omóplato. Los terapeutas suelen "
      "trabajar también los músculos del pecho.",
      "Apóyese de espaldas en una pared con una pelota de tenis entre la columna y el "
      "omóplato. Ruede despacio sobre los puntos sensibles.")

    M("latissimus_dorsi", "Dorsal ancho",
      "El músculo ancho de la parte media y baja de la espalda, que sube hasta la parte "
      "de atrás de la axila. Lleva el brazo hacia abajo y atrás.",
      "A la punta de abajo del omóplato y a la parte media de la espalda. A veces baja por la "
      "parte interior del brazo hasta el anular y el meñique.",
      "Un dolor constante debajo del omóplato que cambia poco con el movimiento.",
      "Un nervio pinzado en el cuello. El dolor que se extiende al brazo también puede "
      "parecer dolor del corazón, y eso lo debe descartar un médico.",
      "Tirar y estirarse por encima de la cabeza: nadar, escalar, hacer dominadas, trabajar "
      "en el jardín o tender la ropa.",
      "Apretar y mantener el pliegue de la parte de atrás de la axila.",
      "Agárrese al marco de una puerta y lleve la cadera hacia atrás, alejándose. Notará un "
      "estiramiento suave en el costado.")

    M("serratus_anterior", "Serrato anterior",
      "Un músculo en el lado de las costillas, debajo de la axila. Mantiene el omóplato "
      "pegado a las costillas y ayuda a empujar y a alcanzar cosas.",
      "Al lado del pecho y a la parte media de la espalda, debajo del omóplato. A veces baja por "
      "la parte interior del brazo.",
      "Punzadas en el costado, dolor al respirar hondo y dificultad para acostarse de ese lado.",
      "Dolor en el costado (flato), herpes zóster (culebrilla) o una lesión de costilla.",
      "Correr, hacer flexiones, levantar peso por encima de la cabeza y una tos fuerte.",
      "Presionar con suavidad el lado de las costillas mientras usted está de lado.",
      "Respire despacio y a fondo llevando el aire a las costillas de los lados. Ponga las "
      "manos ahí para notar cómo se abren.")

    M("pectoralis_minor", "Pectoral menor",
      "Un músculo más pequeño, debajo del pectoral mayor, que va de las costillas de arriba "
      "a la parte delantera del omóplato. Lleva el hombro hacia delante y abajo.",
      "A la parte delantera del pecho y del hombro. A veces baja por la parte interior del "
      "brazo hasta el lado del meñique de la mano.",
      "Hombros caídos hacia delante, opresión en el pecho y a veces hormigueo en la mano.",
      "Dolor del corazón (angina de pecho) o síndrome del desfiladero torácico. El dolor de "
      "pecho siempre lo debe revisar primero un médico.",
      "Sentarse encorvado, llevar mochila, usar muletas y respirar con la parte alta del "
      "pecho.",
      "Trabajar con suavidad debajo del borde del pectoral mayor, cerca de la axila.",
      "Acuéstese boca arriba con una toalla enrollada a lo largo de la columna. Deje los "
      "brazos abiertos a los lados unos minutos.")

    M("deltoid", "Deltoides",
      "El músculo redondeado que cubre el hombro. Levanta el brazo hacia delante, hacia el "
      "lado y hacia atrás.",
      "Sobre todo a su alrededor: la parte delantera, el lado o la parte de atrás del hombro "
      "y el brazo.",
      "Dolor al levantar el brazo y un punto dolorido en el hombro que se puede tocar.",
      "Bursitis del hombro o una lesión del manguito rotador.",
      "Levantar y sostener cosas con el brazo estirado, trabajar por encima de la cabeza y "
      "una caída o un golpe en el hombro.",
      "Presionar y amasar con suavidad el hombro.",
      "Deje colgar el brazo y balancéelo en pequeños círculos, como un péndulo, durante un "
      "minuto.")

    M("biceps", "Bíceps",
      "El músculo de la parte delantera del brazo. Dobla el codo y gira la palma hacia "
      "arriba.",
      "A la parte delantera del hombro y a la parte delantera del codo.",
      "Un dolor superficial en la parte delantera del hombro y dificultad para estirar el "
      "brazo del todo.",
      "Tendinitis del bíceps.",
      "Levantar cosas con las palmas hacia arriba, cargar bolsas pesadas y usar "
      "mucho el destornillador.",
      "Apretar y mantener el músculo, y estirar el brazo con suavidad.",
      "Póngase de pie con el brazo estirado hacia atrás y la palma en una pared. Gire el "
      "cuerpo despacio hacia el otro lado para un estiramiento suave.")

    M("triceps", "Tríceps",
      "El músculo de la parte de atrás del brazo. Estira el codo.",
      "A la parte de atrás del hombro y del brazo, a los lados exterior e interior del codo, y "
      "a veces al anular y al meñique.",
      "Dolor en el codo al estirar el brazo y molestia en la parte de atrás del brazo.",
      "Codo de tenista o codo de golfista.",
      "Empujar, hacer flexiones, usar muletas o bastón y apoyarse en los codos.",
      "Presionar y apretar a lo largo de la parte de atrás del brazo.",
      "Levante el brazo, doble el codo y deje caer la mano detrás de la cabeza. Con la otra "
      "mano, lleve el codo hacia atrás con suavidad.")

    M("wrist_extensors", "Extensores de la muñeca y los dedos",
      "Un grupo de músculos en la parte de atrás del antebrazo, debajo del codo. Levantan la "
      "muñeca y estiran los dedos.",
      "Al lado exterior del codo, al dorso del antebrazo y de la muñeca, y al dorso de la "
      "mano.",
      "Dolor en el lado exterior del codo, poca fuerza al agarrar y que se le caigan las "
      "cosas.",
      "Codo de tenista.",
      "Agarrar con fuerza y a menudo: el ratón, herramientas, una raqueta, o "
      "levantar cosas con la palma hacia abajo.",
      "Presionar a lo largo de la parte alta del antebrazo, justo debajo del codo.",
      "Estire el brazo al frente con la palma hacia abajo. Con la otra mano, doble la muñeca "
      "hacia abajo con suavidad hasta notar un estiramiento.")

    M("brachioradialis", "Braquiorradial",
      "Un músculo en el lado del pulgar del antebrazo. Dobla el codo, sobre todo con el "
      "pulgar hacia arriba.",
      "Al lado exterior del codo y hasta el espacio entre el pulgar y el índice.",
      "Dolor en el lado exterior del codo y en la base del pulgar, y poca fuerza al agarrar.",
      "Codo de tenista.",
      "Levantar cosas con el pulgar hacia arriba, como una tetera o una taza pesada, y usar "
      "herramientas de mano.",
      "Presionar y apretar el músculo justo debajo del lado exterior del codo.",
      "Al levantar algo, gire la palma hacia arriba y mantenga la carga cerca del cuerpo.")

    M("finger_flexors", "Flexores de los dedos",
      "Músculos en el lado de la palma del antebrazo. Doblan los dedos y ayudan a agarrar.",
      "A los dedos por el lado de la palma; a veces parece que sale por las puntas de los "
      "dedos. También a la palma y al antebrazo.",
      "Dedos doloridos, mano rígida y dificultad para agarrar o escribir.",
      "Síndrome del túnel carpiano o artrosis en los dedos.",
      "Agarrar cosas mucho tiempo: herramientas, el volante, el teléfono, tejer o escalar.",
      "Presionar a lo largo de la cara interna del antebrazo y estirar los dedos hacia "
      "atrás con suavidad.",
      "Apoye la palma en una mesa y levante un poco el codo para estirar con suavidad los "
      "dedos y la muñeca.")

    M("supinator", "Supinador",
      "Un músculo pequeño que rodea la parte alta del antebrazo cerca del codo. Gira la "
      "palma hacia arriba.",
      "Al lado exterior del codo y al dorso de la mano cerca del pulgar.",
      "Dolor en el lado exterior del codo al girar una llave o un picaporte, o al abrir un frasco.",
      "Codo de tenista.",
      "Girar cosas una y otra vez, usar el destornillador, llevar un maletín y el revés en "
      "los deportes de raqueta.",
      "Presionar justo debajo y delante del lado exterior del codo.",
      "Haga pausas en los trabajos de girar. Use todo el brazo, no solo la muñeca.")

    # ---------------------------------------------------------------- tronco
    M("paraspinals", "Músculos paravertebrales (erectores de la columna)",
      "Músculos largos a cada lado de la columna, desde la pelvis hasta el cuello. Mantienen "
      "la espalda derecha y la estiran.",
      "Arriba y abajo de la espalda, junto a la columna. Los de abajo pueden enviar dolor a "
      "la nalga y al final de la columna. Los de la parte media de la espalda, a veces al vientre.",
      "Espalda rígida y dolorida, peor al levantarse después de estar sentado o al "
      "inclinarse hacia delante.",
      "Lumbago o dolor de un órgano interno.",
      "Levantar peso con la espalda curvada, estar sentado durante horas, un giro brusco y "
      "conducir muchas horas.",
      "Trabajar los músculos junto a la columna con presión constante.",
      "Acuéstese boca arriba y abrace las rodillas contra el pecho. Balancéese con suavidad "
      "de lado a lado.")

    M("multifidi", "Multífidos",
      "Músculos pequeños y profundos que unen una vértebra con la siguiente. Dan "
      "estabilidad a cada articulación de la columna.",
      "Junto a la columna, a la misma altura, y al final de la columna y el coxis. A veces "
      "al vientre.",
      "Un dolor profundo a un lado, pegado a la columna, que cuesta estirar.",
      "Un problema de disco o dolor de coxis.",
      "Inclinarse y girar a la vez, sentarse encorvado y un movimiento brusco y torpe.",
      "Presionar a fondo y despacio justo al lado de la columna.",
      "Acuéstese boca arriba con las rodillas dobladas y balancee la pelvis suavemente "
      "adelante y atrás 10 veces.")

    M("rectus_abdominis", "Recto del abdomen",
      "El músculo largo y plano de la parte delantera del vientre, de las costillas al hueso "
      "del pubis. Dobla el tronco hacia delante.",
      "A la zona lumbar, como una banda de lado a lado. La parte de arriba puede enviar "
      "dolor a la parte media de la espalda.",
      "Dolor lumbar como una faja, dolor de vientre o hinchazón.",
      "Dolor de un órgano interno. El dolor de vientre lo debe revisar un médico.",
      "Abdominales, ataques de tos largos, una mala postura y cicatrices de cirugía en el "
      "vientre.",
      "Trabajar con suavidad los puntos sensibles del músculo del vientre.",
      "Acuéstese boca abajo, apoyándose en los codos, y deje que el vientre se relaje durante un "
      "minuto.")

    M("iliopsoas", "Psoas ilíaco (flexor de la cadera)",
      "Un músculo profundo que va desde la parte baja de la columna, por dentro de la "
      "pelvis, hasta la parte alta del muslo. Levanta la rodilla y dobla la cadera.",
      "Una banda vertical junto a la parte baja de la columna, hasta el final de la "
      "columna. También a la parte delantera del muslo y a la ingle.",
      "Dolor lumbar al ponerse derecho y dolor al levantarse de una silla.",
      "Un problema de disco. El dolor en la parte baja derecha del vientre puede parecer "
      "apendicitis, y eso lo debe ver un médico.",
      "Muchas horas sentado, hacer abdominales, correr cuesta arriba y dormir encogido.",
      "Trabajar con suavidad y despacio en la parte baja del vientre y en lo alto del "
      "muslo, siempre con su permiso.",
      "Arrodíllese sobre una rodilla con el otro pie delante. Meta la pelvis e inclínese "
      "un poco hacia delante hasta notar un estiramiento en la parte delantera de la cadera.")

    # ---------------------------------------------------------------- cadera
    M("gluteus_maximus", "Glúteo mayor",
      "El músculo más grande de la nalga. Estira la cadera al ponerse de pie, subir "
      "escaleras o correr.",
      "A la nalga, al final de la columna y al coxis.",
      "Dolor al estar sentado mucho rato, al subir escaleras o cuestas, y el coxis dolorido.",
      "Dolor de coxis.",
      "Estar sentado mucho tiempo, escalar, una caída de nalgas y dormir encogido.",
      "Presionar e inclinarse sobre el músculo de la nalga.",
      "Siéntese en una silla firme con un cojín pequeño, y levántese a caminar cada 30 "
      "minutos.")

    M("gluteus_medius", "Glúteo medio",
      "Un músculo en forma de abanico en la parte alta y exterior de la nalga, bajo el borde "
      "del hueso de la cadera. Mantiene la pelvis nivelada al caminar.",
      "Por el borde del hueso de la cadera, a la zona lumbar, al final de la columna y a la "
      "nalga.",
      "Dolor lumbar, dolor al caminar o al apoyarse en una pierna, y dificultad para "
      "acostarse de ese lado.",
      "Dolor de la articulación sacroilíaca o de las articulaciones de la columna (facetas).",
      "Caminar o correr mucho, apoyarse en una sola pierna, sentarse con algo en el "
      "bolsillo de atrás y una caída.",
      "Presionar la parte alta y exterior de la nalga, justo debajo del hueso de la cadera.",
      "Acuéstese boca arriba, cruce un tobillo sobre la otra rodilla y lleve esa rodilla "
      "hacia usted con suavidad.")

    M("piriformis", "Piriforme",
      "Un músculo pequeño y profundo detrás de la cadera, del final de la columna a la parte "
      "alta del fémur. Gira la pierna hacia fuera.",
      "Al final de la columna, a través de la nalga, a la parte de atrás de la cadera y por "
      "detrás del muslo.",
      "Dolor profundo en la nalga, peor al estar sentado, y dolor que puede bajar por detrás "
      "del muslo.",
      "Ciática.",
      "Conducir muchas horas, sentarse sobre algo en el bolsillo de atrás, correr y girar la pierna hacia "
      "fuera al levantar peso.",
      "Presionar a fondo y despacio el centro de la nalga.",
      "Acuéstese boca arriba, cruce un tobillo sobre la otra rodilla y lleve con suavidad "
      "la rodilla de abajo hacia el pecho.")

    M("tensor_fasciae_latae", "Tensor de la fascia lata (TFL)",
      "Un músculo pequeño en la parte delantera y lateral de la cadera. Ayuda a levantar la "
      "pierna y da estabilidad a la rodilla.",
      "Al lado exterior de la cadera y por el lado exterior del muslo hacia la rodilla.",
      "Dolor en el lado exterior de la cadera, peor al acostarse de ese lado o después de "
      "estar sentado con las caderas dobladas.",
      "Bursitis de cadera o síndrome de la cintilla iliotibial.",
      "Estar sentado mucho tiempo, correr por terreno inclinado y dormir encogido.",
      "Presionar la parte delantera y exterior de la cadera y trabajar el lado exterior del "
      "muslo.",
      "Duerma con una almohada entre las rodillas. Levántese y camine cada media hora.")

    # ---------------------------------------------------------------- muslo y rodilla
    M("rectus_femoris", "Recto femoral",
      "Uno de los cuatro músculos del cuádriceps, por el centro de la parte delantera del "
      "muslo. Estira la rodilla y levanta el muslo.",
      "A la rótula y alrededor de ella, y a la parte baja y delantera del muslo.",
      "Dolor profundo en la rodilla, a menudo de noche, y debilidad al bajar escaleras.",
      "Artrosis de rodilla.",
      "Correr cuesta abajo, ponerse en cuclillas, dar patadas y estar sentado con las "
      "rodillas dobladas mucho tiempo.",
      "Presionar a lo largo de la parte delantera del muslo, empezando cerca de la cadera.",
      "De pie y sujetándose a una silla, doble una rodilla y sujete el tobillo por detrás. "
      "Mantenga las rodillas juntas 30 segundos.")

    M("vastus_medialis", "Vasto medial",
      "El músculo del cuádriceps en la parte baja e interior del muslo, justo encima de la "
      "rodilla. Estira la rodilla y sujeta la rótula.",
      "A la parte delantera e interior de la rodilla.",
      "Dolor de rodilla y, más adelante, una rodilla que falla o se dobla sin avisar.",
      "Rotura de menisco o problemas de rótula.",
      "Arrodillarse, ponerse en cuclillas, correr y un golpe en el muslo.",
      "Presionar la parte baja e interior del muslo, encima de la rodilla.",
      "Siéntese con la pierna estirada y apriete el muslo, empujando la parte de atrás de "
      "la rodilla hacia abajo. Manténgalo 5 segundos y repita 10 veces.")

    M("vastus_lateralis", "Vasto lateral",
      "El músculo más grande del cuádriceps, en el lado exterior del muslo. Estira la "
      "rodilla.",
      "Baja por el lado exterior del muslo hasta el lado exterior de la rodilla. A veces "
      "sube hacia la cadera.",
      "Dolor en el lado exterior del muslo y de la rodilla, dolor al acostarse de ese lado y "
      "a veces una rótula que se bloquea.",
      "Síndrome de la cintilla iliotibial o problemas de rótula.",
      "Correr, esquiar, ponerse en cuclillas y un golpe en el muslo.",
      "Trabajar a lo largo del lado exterior del muslo con presión constante.",
      "Acuéstese de lado sobre un rodillo de espuma o una pelota blanda y ruede despacio, "
      "parando en los puntos sensibles.")

    M("adductors", "Aductores (parte interior del muslo)",
      "Un grupo de músculos en la parte interior del muslo. Juntan las piernas y le dan "
      "estabilidad al caminar.",
      "A la ingle, por la parte interior del muslo hasta el lado interior de la rodilla, "
      "y a veces por la espinilla.",
      "Dolor en la ingle al caminar, al subir escaleras o al separar las piernas.",
      "Una distensión en la ingle.",
      "Pasos rápidos hacia un lado, montar a caballo, sentarse con las piernas cruzadas y "
      "resbalar en el hielo.",
      "Presionar con cuidado la parte interior del muslo, siempre con su permiso.",
      "Siéntese con las plantas de los pies juntas y deje caer las rodillas con suavidad "
      "hacia los lados.")

    M("hamstrings", "Isquiotibiales",
      "Tres músculos en la parte de atrás del muslo. Doblan la rodilla y estiran la cadera.",
      "Al pliegue de debajo de la nalga, por detrás del muslo y a la parte de atrás de la "
      "rodilla. A veces a la pantorrilla.",
      "Dolor al estar sentado, al caminar o al inclinarse hacia delante, y la parte de atrás "
      "del muslo tirante.",
      "Ciática.",
      "Sentarse con el borde de la silla apretando el muslo, correr a toda velocidad y dar patadas.",
      "Presionar a lo largo de la parte de atrás del muslo mientras usted está boca abajo.",
      "Siéntese en el borde de una silla con una pierna estirada y el talón en el suelo. "
      "Inclínese hacia delante desde la cadera con la espalda recta.")

    # ---------------------------------------------------------------- pierna y pie
    M("gastrocnemius", "Gastrocnemio (gemelos)",
      "El músculo grande de la pantorrilla, con dos cabezas, en la parte de atrás de la "
      "pierna. Levanta el talón y dobla la rodilla.",
      "A la pantorrilla y a la parte de atrás de la rodilla. A veces al arco del pie.",
      "Calambres en la pantorrilla por la noche, pantorrillas tensas y dolor al subir "
      "cuestas.",
      "Calambres o un nervio pinzado en la zona lumbar. El dolor con hinchazón en la "
      "pantorrilla también puede ser un coágulo; por eso le preguntamos antes por su "
      "pantorrilla.",
      "Subir cuestas, los tacones, los calcetines apretados y sentarse con los pies en "
      "punta.",
      "Presionar y apretar la parte alta de la pantorrilla mientras usted está boca abajo.",
      "Póngase frente a una pared con una pierna atrás, estirada y con el talón en el "
      "suelo. Inclínese con suavidad hasta notar un estiramiento en la pantorrilla.")

    M("tibialis_anterior", "Tibial anterior",
      "El músculo de la parte delantera de la pierna, justo por fuera de la tibia. Levanta "
      "el pie y los dedos.",
      "A la parte delantera del tobillo y al dedo gordo. A veces por la espinilla y el "
      "empeine.",
      "Dolor en la parte delantera del tobillo o en el dedo gordo, y tropezar o enganchar "
      "los dedos al caminar.",
      "Dolor de la articulación del tobillo.",
      "Caminar por terreno irregular, correr, el calzado apretado y conducir con el pie "
      "levantado.",
      "Presionar a lo largo del músculo, justo por fuera de la tibia.",
      "Siéntese y estire el pie y los dedos hacia abajo con suavidad. Luego dibuje círculos "
      "con el pie.")

    M("peroneals", "Peroneos",
      "Músculos en el lado exterior de la pierna. Giran el pie hacia fuera y dan "
      "estabilidad al tobillo.",
      "Alrededor del hueso exterior del tobillo y por el borde exterior del pie. También al "
      "lado exterior de la pierna.",
      "Dolor en el lado exterior del tobillo y un tobillo que se siente débil o se tuerce "
      "con facilidad.",
      "Un esguince o artrosis de tobillo.",
      "Esguinces antiguos, pies planos, tacones y dormir con los pies en punta.",
      "Presionar a lo largo del lado exterior de la pierna, debajo de la rodilla.",
      "Sosténgase sobre un solo pie, cerca de una pared, durante 30 segundos para ganar "
      "estabilidad en el tobillo.")

    M("plantar_muscles", "Músculos plantares (planta del pie)",
      "Músculos pequeños en la planta del pie, bajo el arco. Mueven los dedos y sostienen "
      "el arco.",
      "Al talón y a toda la planta.",
      "Dolor en el talón y en el arco, peor en los primeros pasos de la mañana.",
      "Fascitis plantar o espolón en el talón.",
      "Estar de pie mucho tiempo en suelos duros, calzado gastado, caminar descalzo por "
      "suelo duro y aumentar de golpe lo que camina o corre.",
      "Presionar de forma constante a lo largo de la planta y el arco.",
      "Siéntese y haga rodar la planta del pie despacio sobre una pelota pequeña durante "
      "uno o dos minutos.")
