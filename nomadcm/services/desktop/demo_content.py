"""What the sample month is made of: three clients and their posts' texts (the places a CM works from are in
`demo_places`).

The businesses, places and people are invented; the cities, networks and habits are real. Texts are written
as a French-speaking freelance CM would write them for each audience (Paris, Montréal, Antananarivo).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoClient:
    name: str
    tz: str
    country: str
    colour: str
    notes: str
    prime: tuple[int, int]  # prime hours, minutes after midnight in the audience's zone
    channels: tuple[tuple[str, str], ...]  # (network, handle)
    times: tuple[str, ...]  # usual posting times, audience clock
    texts: tuple[tuple[str, str], ...]  # (network, text): the posts of the month, in order
    series: tuple[tuple[str, str, str, str], ...]  # (network, RRULE, HH:MM, text): recurring posts
    slots: dict[str, str]  # network -> posting slots ("Mo-Fr 09:00,18:00")


CLIENTS: tuple[DemoClient, ...] = (
    DemoClient(
        name="Boulangerie Lemoine",
        tz="Europe/Paris",
        country="FR",
        colour="#c05621",
        notes="Boulangerie artisanale rue des Martyrs (Paris 9e). Contact : Sophie Lemoine. "
        "Ton chaleureux, tutoiement interdit, pas plus de deux émojis par post.",
        prime=(7 * 60, 20 * 60),
        channels=(("instagram", "@boulangerie.lemoine"), ("facebook", "Boulangerie Lemoine")),
        times=("07:30", "12:15", "18:30"),
        texts=(
            (
                "instagram",
                "Nouvelle fournée de pains au levain 🥖 Croûte craquante, mie bien alvéolée : "
                "on vous attend dès 7 h rue des Martyrs.",
            ),
            (
                "facebook",
                "Le saviez-vous ? Notre farine vient d'un moulin de la Beauce, à 80 km de la boutique. "
                "Moins de transport, plus de goût. #circuitcourt",
            ),
            (
                "instagram",
                "Coulisses du fournil : il est 4 h du matin et Karim façonne déjà les baguettes tradition. "
                "Respect 👏",
            ),
            (
                "facebook",
                "Ce week-end, brioche feuilletée à la fleur d'oranger, en édition limitée. "
                "Pensez à la réserver en boutique ou par téléphone !",
            ),
            (
                "instagram",
                "Jeu concours 🎉 Identifiez la personne avec qui vous partageriez notre tarte aux pommes "
                "et tentez de la gagner. Tirage au sort dimanche soir.",
            ),
            (
                "facebook",
                "Merci pour vos 10 000 abonnés ! Pour fêter ça, un croissant offert samedi pour tout achat "
                "d'une baguette tradition.",
            ),
            (
                "instagram",
                "Le pain de seigle aux noix revient enfin sur nos étagères. Parfait avec un bon fromage.",
            ),
            (
                "facebook",
                "Nos horaires changent pendant les vacances scolaires : ouvert de 7 h à 14 h, "
                "du mardi au dimanche.",
            ),
            (
                "instagram",
                "Portrait : Inès, apprentie pâtissière depuis septembre, nous présente son premier "
                "Paris-Brest. Verdict de l'équipe : validé ✅",
            ),
            (
                "facebook",
                "Commandes de buffets pour vos événements : viennoiseries, mini-sandwichs, tartes salées. "
                "Devis gratuit sous 48 h.",
            ),
            (
                "instagram",
                "Croissant ou pain au chocolat ? Dites-nous tout en commentaire, le débat est ouvert.",
            ),
            (
                "facebook",
                "Vous étiez nombreux à l'atelier pain parents-enfants samedi : merci ! Prochaine session "
                "le mois prochain, inscriptions en boutique.",
            ),
            (
                "instagram",
                "Dernière fournée de la journée à 18 h : la baguette encore tiède, ça n'a pas de prix.",
            ),
            (
                "facebook",
                "Rappel : la boutique sera exceptionnellement fermée lundi pour l'entretien du four.",
            ),
            ("instagram", "Nouveau : le flan pâtissier vanille de Madagascar, en vitrine dès demain matin."),
            (
                "facebook",
                "Un grand merci à Paris Gourmand pour ce joli article sur notre baguette tradition !",
            ),
        ),
        series=(
            (
                "instagram",
                "FREQ=WEEKLY;BYDAY=MO;COUNT=5",
                "08:00",
                "Le pain de la semaine 🥖 Chaque lundi, on vous présente une recette du fournil. "
                "Cette semaine : notre pain au petit épeautre.",
            ),
        ),
        slots={"instagram": "Mo-Sa 07:30,18:30", "facebook": "Tu,Th,Sa 12:15"},
    ),
    DemoClient(
        name="Atelier Boréal",
        tz="America/Toronto",  # Montréal's clock (America/Montreal is an alias of it)
        country="CA",
        colour="#2b6cb0",
        notes="Atelier de céramique du Mile End, à Montréal. Contact : Marc-André Gagnon. "
        "Public local + boutique en ligne (livraison partout au Québec). Parler québécois, sans forcer.",
        prime=(8 * 60, 21 * 60),
        channels=(
            ("instagram", "@atelierboreal"),
            ("linkedin", "Atelier Boréal"),
            ("facebook", "Atelier Boréal"),
        ),
        times=("09:00", "12:00", "19:00"),
        texts=(
            (
                "instagram",
                "Nouvelle collection de tasses en grès, tournées à la main dans notre atelier du Mile End. "
                "En ligne dès jeudi, 9 h !",
            ),
            (
                "facebook",
                "Cours d'initiation au tournage samedi prochain : il reste 3 places. "
                "Inscription par le lien dans notre page.",
            ),
            (
                "instagram",
                "On vous présente Léa, notre nouvelle céramiste, arrivée de Québec avec ses émaux bleu nuit.",
            ),
            (
                "linkedin",
                "Nous recrutons un·e assistant·e d'atelier à temps partiel (20 h par semaine). "
                "Candidatures jusqu'à la fin du mois : emplois@atelierboreal.ca",
            ),
            (
                "facebook",
                "Merci à tous ceux qui sont passés à nos portes ouvertes en fin de semaine ! "
                "Vos photos nous font chaud au cœur.",
            ),
            (
                "instagram",
                "Conseil d'entretien : nos pièces en grès vont au lave-vaisselle, mais pas au micro-ondes "
                "quand elles ont un filet doré.",
            ),
            (
                "linkedin",
                "Retour sur notre collaboration avec trois cafés de Montréal : 1 200 tasses sur mesure, "
                "zéro plastique. Un beau projet d'économie locale.",
            ),
            ("instagram", "Défournement du jour 🔥 Toujours le meilleur moment de la semaine à l'atelier."),
            (
                "facebook",
                "Vente d'atelier : les pièces de second choix à -40 %, samedi de 10 h à 16 h, "
                "au 5400 boulevard Saint-Laurent.",
            ),
            (
                "instagram",
                "Les bols « Fleuve » sont de retour en stock ! Quatre teintes, inspirées du Saint-Laurent.",
            ),
            (
                "linkedin",
                "Cadeaux d'affaires : des pièces uniques pour vos clients et vos équipes, "
                "gravées à votre image. Écrivez-nous pour un devis.",
            ),
            (
                "facebook",
                "Petite pause pour l'équipe : l'atelier sera fermé lundi et mardi. "
                "Les commandes en ligne sont expédiées dès mercredi.",
            ),
            (
                "instagram",
                "Dans les coulisses : 48 heures de séchage avant la première cuisson. La patience, ça paye.",
            ),
            (
                "facebook",
                "Votre avis compte : quelle couleur d'émail voulez-vous voir dans la prochaine collection ?",
            ),
            (
                "linkedin",
                "Atelier Boréal fête ses cinq ans : merci à nos clients, partenaires et artisan·e·s !",
            ),
        ),
        series=(
            (
                "instagram",
                "FREQ=WEEKLY;BYDAY=TU;COUNT=5",
                "12:00",
                "#MardiAtelier : chaque mardi midi, un geste de céramiste expliqué en 30 secondes. "
                "Aujourd'hui, le centrage de la terre.",
            ),
        ),
        slots={"instagram": "Mo-Fr 09:00,19:00", "linkedin": "Tu,Th 08:30"},
    ),
    DemoClient(
        name="Ravinala Voyages",
        tz="Indian/Antananarivo",
        country="MG",
        colour="#2f855a",
        notes="Agence de tourisme responsable à Antananarivo. Contact : Haja Rakotomalala. "
        "Audience : Madagascar + francophones en Europe (publier aussi en soirée heure de Paris).",
        prime=(7 * 60, 21 * 60),
        channels=(
            ("facebook", "Ravinala Voyages"),
            ("instagram", "@ravinala.voyages"),
            ("linkedin", "Ravinala Voyages"),
        ),
        times=("08:00", "12:30", "18:00"),
        texts=(
            (
                "facebook",
                "Lever de soleil sur l'allée des Baobabs, près de Morondava 🌅 "
                "Notre circuit « Ouest sauvage » repart en mai : plus que 4 places.",
            ),
            (
                "instagram",
                "Vous rêvez de voir les lémuriens d'Andasibe ? Nos guides locaux vous emmènent "
                "à la rencontre de l'indri, le plus grand d'entre eux.",
            ),
            (
                "facebook",
                "Témoignage : « Trois semaines inoubliables, une organisation parfaite et des guides "
                "passionnés. » Merci Claire et Julien !",
            ),
            (
                "linkedin",
                "Ravinala Voyages rejoint le réseau Agir pour un Tourisme Responsable : "
                "une fierté pour toute l'équipe de Tana.",
            ),
            (
                "instagram",
                "Nosy Be, ses plages et ses plongées 🐢 Découvrez notre séjour détente de 10 jours.",
            ),
            (
                "facebook",
                "Préparer son voyage à Madagascar : vaccins, visa, saison des pluies… "
                "tous nos conseils sont sur le blog.",
            ),
            (
                "instagram",
                "Sur la RN7, entre Antsirabe et Fianarantsoa : les rizières en terrasse à perte de vue.",
            ),
            (
                "linkedin",
                "Séminaires et voyages d'équipe à Madagascar : nous organisons tout, du vol aux activités "
                "solidaires avec les villages partenaires.",
            ),
            (
                "facebook",
                "Misaotra betsaka ! Vous êtes maintenant 25 000 à suivre nos aventures. "
                "Un concours arrive très bientôt…",
            ),
            (
                "instagram",
                "Vanille de la SAVA : visite d'une coopérative où chaque gousse est pollinisée à la main.",
            ),
            (
                "facebook",
                "Nouveau circuit : le Grand Sud en 4x4, d'Isalo à Fort-Dauphin. Départs de juin à octobre.",
            ),
            (
                "instagram",
                "Le parc de l'Isalo au coucher du soleil : la « fenêtre » naturelle porte bien son nom.",
            ),
            (
                "linkedin",
                "Nous recrutons un guide francophone pour la saison : expérience en trekking, "
                "amour du pays. Candidatures par message privé.",
            ),
            (
                "facebook",
                "Question du jour : plutôt randonnée dans les Tsingy ou farniente à Sainte-Marie ? "
                "Répondez en commentaire !",
            ),
        ),
        series=(
            (
                "facebook",
                "FREQ=WEEKLY;BYDAY=FR;COUNT=4",
                "17:00",
                "La photo du vendredi 📸 Chaque semaine, un coin de Madagascar vu par nos voyageurs. "
                "Envoyez-nous les vôtres !",
            ),
        ),
        slots={"facebook": "Mo,We,Fr 12:30", "instagram": "Mo-Sa 18:00"},
    ),
)
