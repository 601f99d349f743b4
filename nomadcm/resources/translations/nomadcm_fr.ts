<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About NomadCM</source>
        <translation>À propos de NomadCM</translation>
    </message>
    <message>
        <source>Plan your clients&apos; posts in their audience&apos;s time zone, wherever you are working from, and keep an eye on your screen time and rest.</source>
        <translation>Planifiez les publications de vos clients dans le fuseau horaire de leur audience, où que vous travailliez, et gardez un œil sur votre temps d’écran et votre repos.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>This is the sample database: your own data is elsewhere.</source>
        <translation>Il s’agit de la base d’exemple&#xa0;: vos propres données sont ailleurs.</translation>
    </message>
    <message>
        <source>Logs and crash reports</source>
        <translation>Journaux et rapports de plantage</translation>
    </message>
    <message>
        <source>Everything stays on this computer: NomadCM sends nothing anywhere.</source>
        <translation>Tout reste sur cet ordinateur&#xa0;: NomadCM n’envoie rien nulle part.</translation>
    </message>
    <message>
        <source>Licences and credits</source>
        <translation>Licences et crédits</translation>
    </message>
    <message>
        <source>&lt;b&gt;Licences and credits&lt;/b&gt;</source>
        <translation>&lt;b&gt;Licences et crédits&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation>(en mémoire)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Open the folder of {what}</source>
        <translation>Ouvrir le dossier&#xa0;: {what}</translation>
    </message>
    <message>
        <source>City names, coordinates and time zones: {geonames}, licensed under {licence}.</source>
        <translation>Noms de villes, coordonnées et fuseaux horaires&#xa0;: {geonames}, sous licence {licence}.</translation>
    </message>
    <message>
        <source>Workplace imports read OpenStreetMap data, © OpenStreetMap contributors ({licence}).</source>
        <translation>L’import de lieux de travail lit des données OpenStreetMap, © les contributeurs d’OpenStreetMap ({licence}).</translation>
    </message>
    <message>
        <source>NomadCM is free software under the MIT licence.</source>
        <translation>NomadCM est un logiciel libre sous licence MIT.</translation>
    </message>
    <message>
        <source>Python {version}, PSF licence.</source>
        <translation>Python {version}, licence PSF.</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>Développé avec&#xa0;:</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Données&#xa0;:</translation>
    </message>
</context>
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge conflicts</source>
        <translation>Valider les conflits</translation>
    </message>
    <message>
        <source>“{text}” for {client}: which of these are fine? They will stop being flagged.</source>
        <translation>«&#xa0;{text}&#xa0;» pour {client}&#xa0;: lesquels sont acceptables&#xa0;? Ils ne seront plus signalés.</translation>
    </message>
    <message>
        <source>This post repeats: every occurrence is acknowledged.</source>
        <translation>Cette publication se répète&#xa0;: toutes ses occurrences sont validées.</translation>
    </message>
    <message>
        <source>Why, e.g. the network publishes it by itself</source>
        <translation>Pourquoi, p. ex. le réseau la publie lui-même</translation>
    </message>
    <message>
        <source>Tick at least one conflict.</source>
        <translation>Cochez au moins un conflit.</translation>
    </message>
</context>
<context>
    <name>AddPlacesDialog</name>
    <message>
        <source>Add places to try in {city}</source>
        <translation>Ajouter des lieux à tester à {city}</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Show places in other cities too</source>
        <translation>Afficher aussi les lieux d’autres villes</translation>
    </message>
    <message>
        <source>No other place known in {city}. Add one on the Places tab, or import an OpenStreetMap extract.</source>
        <translation>Aucun autre lieu connu à {city}. Ajoutez-en un dans l’onglet Lieux, ou importez un extrait OpenStreetMap.</translation>
    </message>
    <message>
        <source>, {down} Mbit/s</source>
        <translation>, {down} Mbit/s</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>NomadCM cannot open its database</source>
        <translation>NomadCM ne peut pas ouvrir sa base de données</translation>
    </message>
    <message>
        <source>The database {path} cannot be used.

{reason}</source>
        <translation>La base de données {path} est inutilisable.

{reason}</translation>
    </message>
    <message>
        <source>NomadCM is already open</source>
        <translation>NomadCM est déjà ouvert</translation>
    </message>
    <message>
        <source>NomadCM is already open on {path} but does not answer. Close it (or end it from the task manager), then open NomadCM again.</source>
        <translation>NomadCM est déjà ouvert sur {path} mais ne répond pas. Fermez-le (ou arrêtez-le depuis le gestionnaire des tâches), puis rouvrez NomadCM.</translation>
    </message>
</context>
<context>
    <name>AppTableModel</name>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>In the foreground</source>
        <translation>Au premier plan</translation>
    </message>
</context>
<context>
    <name>AssigneeFilter</name>
    <message>
        <source>Whose posts: the team member who publishes them</source>
        <translation>Publications de quel responsable&#xa0;: le membre de l’équipe qui les publie</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
</context>
<context>
    <name>Billing</name>
    <message>
        <source>hourly rate</source>
        <translation>taux horaire</translation>
    </message>
    <message>
        <source>monthly retainer</source>
        <translation>forfait mensuel</translation>
    </message>
    <message>
        <source>logged by hand</source>
        <translation>saisi à la main</translation>
    </message>
    <message>
        <source>timer</source>
        <translation>minuteur</translation>
    </message>
    <message>
        <source>work session</source>
        <translation>session de travail</translation>
    </message>
    <message>
        <source>screen time</source>
        <translation>temps d’écran</translation>
    </message>
</context>
<context>
    <name>BreakDialog</name>
    <message>
        <source>Time for a break</source>
        <translation>C’est l’heure de la pause</translation>
    </message>
    <message>
        <source>{worked} minutes of screen time: time for a {minutes}-minute break. Stand up, look far away, move.</source>
        <translation>{worked} minutes d’écran&#xa0;: place à une pause de {minutes} minutes. Levez-vous, regardez au loin, bougez.</translation>
    </message>
    <message>
        <source>{worked} minutes of screen time: time for a {minutes}-minute break. Look away from the screen.</source>
        <translation>{worked} minutes d’écran&#xa0;: place à une pause de {minutes} minutes. Quittez l’écran des yeux.</translation>
    </message>
    <message>
        <source>Take the break now</source>
        <translation>Faire la pause maintenant</translation>
    </message>
    <message>
        <source>Postpone</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>I&apos;m back</source>
        <translation>Je suis de retour</translation>
    </message>
    <message>
        <source>Break: {m}:{s:02d} left. Screen timers are paused and start again when you&apos;re back.</source>
        <translation>Pause&#xa0;: encore {m}:{s:02d}. Les minuteurs d’écran sont en pause et repartent à votre retour.</translation>
    </message>
    <message>
        <source>Break over. Welcome back!</source>
        <translation>Pause terminée. Bon retour&#xa0;!</translation>
    </message>
</context>
<context>
    <name>BreakReminder</name>
    <message>
        <source>Today&apos;s screen time is {total}, past your daily limit of {limit}.</source>
        <translation>Votre temps d’écran du jour atteint {total}, au-delà de votre limite quotidienne de {limit}.</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>My time (itinerary)</source>
        <translation>Mon heure (itinéraire)</translation>
    </message>
    <message>
        <source>{zone} — {clients}</source>
        <translation>{zone} — {clients}</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <source>No client yet</source>
        <translation>Pas encore de client</translation>
    </message>
    <message>
        <source>Add your first client on the Clients page.</source>
        <translation>Ajoutez votre premier client sur la page Clients.</translation>
    </message>
    <message>
        <source>Post saved.</source>
        <translation>Publication enregistrée.</translation>
    </message>
    <message>
        <source>Edit a repeating post</source>
        <translation>Modifier une publication récurrente</translation>
    </message>
    <message>
        <source>Save the changes to which occurrences?</source>
        <translation>Appliquer les modifications à quelles occurrences&#xa0;?</translation>
    </message>
    <message>
        <source>Not saved: choose which occurrences to change.</source>
        <translation>Non enregistré&#xa0;: choisissez les occurrences à modifier.</translation>
    </message>
    <message>
        <source>That time does not exist on the new day (clocks jump forward): moved to {time}.</source>
        <translation>Cette heure n’existe pas ce jour-là (passage à l’heure d’été)&#xa0;: déplacée à {time}.</translation>
    </message>
    <message>
        <source>Post moved — Ctrl+Z puts it back.</source>
        <translation>Publication déplacée — Ctrl+Z la remet en place.</translation>
    </message>
    <message>
        <source>Delete a repeating post</source>
        <translation>Supprimer une publication récurrente</translation>
    </message>
    <message>
        <source>Delete which occurrences?</source>
        <translation>Supprimer quelles occurrences&#xa0;?</translation>
    </message>
    <message>
        <source>Deleted — Ctrl+Z brings it back.</source>
        <translation>Supprimée — Ctrl+Z pour la récupérer.</translation>
    </message>
</context>
<context>
    <name>CalendarPageView</name>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Mois</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>Aujourd’&amp;hui</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Which clock the calendar shows: yours (from your itinerary) or an audience&apos;s</source>
        <translation>L’heure affichée par le calendrier&#xa0;: la vôtre (d’après votre itinéraire) ou celle d’une audience</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>&amp;Queue…</source>
        <translation>File d’a&amp;ttente…</translation>
    </message>
    <message>
        <source>Time shown:</source>
        <translation>Heure affichée&#xa0;:</translation>
    </message>
    <message>
        <source>your time</source>
        <translation>votre heure</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Mark &amp;published</source>
        <translation>Marquer comme &amp;publiée</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>{time} {abbr} in {zone} (the post&apos;s zone)</source>
        <translation>{time} {abbr}, fuseau {zone} (celui de la publication)</translation>
    </message>
    <message>
        <source>{time} does not exist that day (clocks jump forward): it goes out at {moved}.</source>
        <translation>{time} n’existe pas ce jour-là (passage à l’heure d’été)&#xa0;: elle part à {moved}.</translation>
    </message>
</context>
<context>
    <name>CalendarsModel</name>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>Dernière lecture</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>imported file</source>
        <translation>fichier importé</translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message>
        <source>Edit channel of {client}</source>
        <translation>Modifier un canal de {client}</translation>
    </message>
    <message>
        <source>New channel for {client}</source>
        <translation>Nouveau canal pour {client}</translation>
    </message>
    <message>
        <source>@account, page name or list (optional)</source>
        <translation>@compte, nom de page ou liste (facultatif)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> caractères</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>&amp;Réseau&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation>&amp;Identifiant&#xa0;:</translation>
    </message>
    <message>
        <source>Text &amp;limit:</source>
        <translation>&amp;Limite de texte&#xa0;:</translation>
    </message>
    <message>
        <source>A channel keeps its network; add a new channel instead</source>
        <translation>Un canal garde son réseau&#xa0;: ajoutez plutôt un nouveau canal</translation>
    </message>
    <message>
        <source>Handle:</source>
        <translation>Identifiant&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ChannelsModel</name>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Text limit</source>
        <translation>Limite de texte</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Publications</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Daily</source>
        <translation>Par jour</translation>
    </message>
    <message>
        <source>Weekly trend</source>
        <translation>Tendance hebdomadaire</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Repos</translation>
    </message>
    <message>
        <source>Daily: screens above, rest below. Weekly: totals per week. Rest: nights, daily and weekly rest against the goals.</source>
        <translation>Par jour&#xa0;: écrans au-dessus, repos en dessous. Hebdomadaire&#xa0;: totaux par semaine. Repos&#xa0;: nuits, repos quotidien et hebdomadaire face aux objectifs.</translation>
    </message>
    <message>
        <source>Screen time and rest per day</source>
        <translation>Temps d’écran et repos par jour</translation>
    </message>
    <message>
        <source>Weekly totals</source>
        <translation>Totaux par semaine</translation>
    </message>
    <message>
        <source>Rest against the goals</source>
        <translation>Repos face aux objectifs</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>screens ↑</source>
        <translation>écrans ↑</translation>
    </message>
    <message>
        <source>rest ↓</source>
        <translation>repos ↓</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>Sommeil</translation>
    </message>
    <message>
        <source>Other rest</source>
        <translation>Autre repos</translation>
    </message>
    <message>
        <source>Longest rest in a row</source>
        <translation>Plus long repos d’affilée</translation>
    </message>
    <message>
        <source>Daily screen limit</source>
        <translation>Limite d’écran quotidienne</translation>
    </message>
    <message>
        <source>Weekly screen limit</source>
        <translation>Limite d’écran hebdomadaire</translation>
    </message>
    <message>
        <source>Sleep goal</source>
        <translation>Objectif de sommeil</translation>
    </message>
    <message>
        <source>Daily rest goal</source>
        <translation>Objectif de repos quotidien</translation>
    </message>
    <message>
        <source>Screen time per week</source>
        <translation>Temps d’écran par semaine</translation>
    </message>
    <message>
        <source>Sleep per week</source>
        <translation>Sommeil par semaine</translation>
    </message>
    <message>
        <source>Nights under the sleep goal</source>
        <translation>Nuits sous l’objectif de sommeil</translation>
    </message>
    <message>
        <source>Days without the daily rest</source>
        <translation>Jours sans le repos quotidien</translation>
    </message>
    <message>
        <source>Weeks without the weekly rest</source>
        <translation>Semaines sans le repos hebdomadaire</translation>
    </message>
    <message>
        <source>Nothing logged in this period</source>
        <translation>Rien d’enregistré sur cette période</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Visited</source>
        <translation>Visité</translation>
    </message>
    <message>
        <source>Tested</source>
        <translation>Testé</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Down (Mbit/s)</source>
        <translation>↓ Mbit/s</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Horaires d’ouverture</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Add places…</source>
        <translation>Ajouter des lieux…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Printable page…</source>
        <translation>Page imprimable…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Séjour</translation>
    </message>
    <message>
        <source>No stay in your itinerary yet. Add your stays on the Travel page to prepare a checklist per trip.</source>
        <translation>Aucun séjour dans votre itinéraire pour l’instant. Ajoutez vos séjours sur la page Voyages pour préparer une liste par voyage.</translation>
    </message>
    <message>
        <source>Nothing to try in {city} yet: “Add places…” lists the ones you know there.</source>
        <translation>Rien à tester à {city} pour l’instant&#xa0;: «&#xa0;Ajouter des lieux…&#xa0;» liste ceux que vous y connaissez.</translation>
    </message>
    <message>
        <source>No workplace with WiFi known in {city} yet. Add one, or import an OpenStreetMap extract of the city, before you go: posts during this stay are flagged “no WiFi”.</source>
        <translation>Aucun lieu de travail avec Wi-Fi connu à {city} pour l’instant. Ajoutez-en un, ou importez un extrait OpenStreetMap de la ville avant de partir&#xa0;: les publications prévues pendant ce séjour sont signalées «&#xa0;pas de Wi-Fi&#xa0;».</translation>
    </message>
    <message>
        <source>Export the checklist as CSV</source>
        <translation>Exporter la liste en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save a printable page</source>
        <translation>Enregistrer une page imprimable</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Pages web (*.html)</translation>
    </message>
    <message>
        <source>Save the checklist as PDF</source>
        <translation>Enregistrer la liste en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Places to try in {city}</source>
        <translation>Lieux à tester à {city}</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>Impossible d’écrire {path}.</translation>
    </message>
</context>
<context>
    <name>CityField</name>
    <message>
        <source>City, e.g. Montréal or Lisboa</source>
        <translation>Ville, p. ex. Montréal ou Lisboa</translation>
    </message>
    <message>
        <source>{city} — {zone}, {people} people</source>
        <translation>{city} — {zone}, {people} habitants</translation>
    </message>
    <message>
        <source>{city} — {zone}</source>
        <translation>{city} — {zone}</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>Edit client</source>
        <translation>Modifier le client</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>e.g. Boulangerie Dupont</source>
        <translation>p. ex. Boulangerie Dupont</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(non renseigné)</translation>
    </message>
    <message>
        <source>Contacts, tone of voice, what to avoid…</source>
        <translation>Contacts, ton de la marque, ce qu’il faut éviter…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>(audience time)</source>
        <translation>(heure de l’audience)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Audience &amp;zone:</source>
        <translation>&amp;Fuseau de l’audience&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Pays&#xa0;:</translation>
    </message>
    <message>
        <source>Co&amp;lour:</source>
        <translation>&amp;Couleur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Prime hours:</source>
        <translation>&amp;Heures de forte audience&#xa0;:</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>No&amp;tes&#xa0;:</translation>
    </message>
    <message>
        <source>Give the client a name.</source>
        <translation>Donnez un nom au client.</translation>
    </message>
    <message>
        <source>Choose the time zone their audience lives in.</source>
        <translation>Choisissez le fuseau horaire de son audience.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Fuseau horaire&#xa0;:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>Your first client</source>
        <translation>Votre premier client</translation>
    </message>
    <message>
        <source>Who do you publish for? Their audience&apos;s city sets the time zone of their posts.</source>
        <translation>Pour qui publiez-vous&#xa0;? La ville de son audience fixe le fuseau horaire de ses publications.</translation>
    </message>
    <message>
        <source>Client &amp;name</source>
        <translation>&amp;Nom du client</translation>
    </message>
    <message>
        <source>Audience &amp;city</source>
        <translation>&amp;Ville de l’audience</translation>
    </message>
    <message>
        <source>Audience time &amp;zone</source>
        <translation>&amp;Fuseau horaire de l’audience</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Réseaux</translation>
    </message>
    <message>
        <source>e.g. Boulangerie Dupont</source>
        <translation>p. ex. Boulangerie Dupont</translation>
    </message>
    <message>
        <source>Leave the name empty to skip: you can add clients later on the Clients page.</source>
        <translation>Laissez le nom vide pour passer cette étape&#xa0;: vous pourrez ajouter vos clients plus tard sur la page Clients.</translation>
    </message>
</context>
<context>
    <name>ClientsModel</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Audience zone</source>
        <translation>Fuseau de l’audience</translation>
    </message>
    <message>
        <source>Their time now</source>
        <translation>Heure actuelle de l’audience</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Publications</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Audience in {zone} — it is {time} {abbr} there now</source>
        <translation>Audience dans le fuseau {zone} — il y est actuellement {time} {abbr}</translation>
    </message>
    <message>
        <source>Prime hours: {hours} (their time)</source>
        <translation>Heures de forte audience&#xa0;: {hours} (heure de l’audience)</translation>
    </message>
    <message>
        <source>Country: {country}</source>
        <translation>Pays&#xa0;: {country}</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) planned</source>
        <translation>
            <numerusform>%n publication prévue</numerusform>
            <numerusform>%n publications prévues</numerusform>
        </translation>
    </message>
    <message>
        <source>No post planned</source>
        <translation>Aucune publication prévue</translation>
    </message>
    <message>
        <source>Client {name} added. Now add the channels you post on for them.</source>
        <translation>Client {name} ajouté. Ajoutez maintenant les canaux sur lesquels vous publiez pour lui.</translation>
    </message>
    <message numerus="yes">
        <source>{name} has %n planned post(s). Deleting the client deletes their channels and all these posts (Edit &gt; Undo brings them back).</source>
        <translation>
            <numerusform>{name} a %n publication prévue. Supprimer le client supprime ses canaux et cette publication (Édition &gt; Annuler permet de les récupérer).</numerusform>
            <numerusform>{name} a %n publications prévues. Supprimer le client supprime ses canaux et toutes ces publications (Édition &gt; Annuler permet de les récupérer).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The channel {channel} has %n post(s). Deleting it deletes these posts too (Edit &gt; Undo brings them back).</source>
        <translation>
            <numerusform>Le canal {channel} a %n publication. Supprimer le canal la supprime aussi (Édition &gt; Annuler permet de les récupérer).</numerusform>
            <numerusform>Le canal {channel} a %n publications. Supprimer le canal les supprime aussi (Édition &gt; Annuler permet de les récupérer).</numerusform>
        </translation>
    </message>
    <message>
        <source>Channel {channel} deleted (%n post(s)).</source>
        <translation>Canal {channel} supprimé (%n publication(s)).</translation>
    </message>
    <message>
        <source>Delete {name} and their channels?</source>
        <translation>Supprimer {name} et ses canaux&#xa0;?</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>Supprimer le client</translation>
    </message>
    <message>
        <source>Client {name} deleted.</source>
        <translation>Client {name} supprimé.</translation>
    </message>
    <message>
        <source>Delete the channel {channel}?</source>
        <translation>Supprimer le canal {channel}&#xa0;?</translation>
    </message>
    <message>
        <source>Delete channel</source>
        <translation>Supprimer le canal</translation>
    </message>
</context>
<context>
    <name>ClientsPageView</name>
    <message>
        <source>No client yet. A client has an audience in one time zone and posts on a few channels.</source>
        <translation>Pas encore de client. Un client a une audience dans un fuseau horaire et quelques canaux de publication.</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Add channel</source>
        <translation>Ajouter un canal</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Client colour</source>
        <translation>Couleur du client</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Your time</source>
        <translation>Votre heure</translation>
    </message>
    <message>
        <source>Audience time</source>
        <translation>Heure de l’audience</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>All future posts</source>
        <translation>Toutes les publications à venir</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>Les 7 prochains jours</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>D’ici un mois</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Dates…</translation>
    </message>
    <message>
        <source>Show acknowledged</source>
        <translation>Afficher les conflits validés</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Valider…</translation>
    </message>
    <message>
        <source>Mark these conflicts as fine, e.g. when the network publishes by itself</source>
        <translation>Marquer ces conflits comme acceptables, p. ex. quand le réseau publie tout seul</translation>
    </message>
    <message>
        <source>Flag again</source>
        <translation>Signaler à nouveau</translation>
    </message>
    <message>
        <source>Remove this post&apos;s acknowledgements</source>
        <translation>Retirer les validations de cette publication</translation>
    </message>
    <message>
        <source>Show the day</source>
        <translation>Afficher la journée</translation>
    </message>
    <message>
        <source>No conflicts in these dates: every post goes out while you are awake and working.</source>
        <translation>Aucun conflit sur ces dates&#xa0;: chaque publication part pendant que vous êtes éveillé·e et au travail.</translation>
    </message>
    <message>
        <source>Posts from</source>
        <translation>Publications du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>&amp;Check:</source>
        <translation>&amp;Vérifier&#xa0;:</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La date de fin précède la date de début.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>No scheduled post from {first} to {last}.</source>
        <translation>Aucune publication programmée du {first} au {last}.</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n post(s) from {first} to {last}.</source>
        <translation>
            <numerusform>%n publication vérifiée du {first} au {last}.</numerusform>
            <numerusform>%n publications vérifiées du {first} au {last}.</numerusform>
        </translation>
    </message>
    <message>
        <source>No scheduled post from today on.</source>
        <translation>Aucune publication programmée à partir d’aujourd’hui.</translation>
    </message>
    <message>
        <source>No scheduled post from today to {last}.</source>
        <translation>Aucune publication programmée d’aujourd’hui au {last}.</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n post(s) from today to {last}.</source>
        <translation>
            <numerusform>%n publication vérifiée d’aujourd’hui au {last}.</numerusform>
            <numerusform>%n publications vérifiées d’aujourd’hui au {last}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) with conflicts</source>
        <translation>
            <numerusform>%n publication en conflit</numerusform>
            <numerusform>%n publications en conflit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) could not be checked</source>
        <translation>
            <numerusform>%n publication n’a pas pu être vérifiée</numerusform>
            <numerusform>%n publications n’ont pas pu être vérifiées</numerusform>
        </translation>
    </message>
    <message>
        <source>No scheduled post to check in this range.</source>
        <translation>Aucune publication programmée à vérifier sur cette période.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Retry &amp;now</source>
        <translation>&amp;Réessayer maintenant</translation>
    </message>
    <message numerus="yes">
        <source>Team database unreachable — retrying in %n s</source>
        <translation>
            <numerusform>Base d’équipe injoignable — nouvel essai dans %n&#xa0;s</numerusform>
            <numerusform>Base d’équipe injoignable — nouvel essai dans %n&#xa0;s</numerusform>
        </translation>
    </message>
    <message>
        <source>Team database unreachable — trying to reconnect…</source>
        <translation>Base d’équipe injoignable — reconnexion en cours…</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>Contract of {client}</source>
        <translation>Contrat de {client}</translation>
    </message>
    <message>
        <source>e.g. 45 or 45,50</source>
        <translation>p. ex. 45 ou 45,50</translation>
    </message>
    <message>
        <source>e.g. 800</source>
        <translation>p. ex. 800</translation>
    </message>
    <message>
        <source>e.g. 10 or 12:30</source>
        <translation>p. ex. 10 ou 12:30</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>Sans date de fin</translation>
    </message>
    <message>
        <source>Time measured by NomadCM (timer, screen time) is billable</source>
        <translation>Le temps mesuré par NomadCM (minuteur, temps d’écran) est facturable</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Rate per hour</source>
        <translation>Taux horaire</translation>
    </message>
    <message>
        <source>Amount per month</source>
        <translation>Montant mensuel</translation>
    </message>
    <message>
        <source>Hours included</source>
        <translation>Heures comprises</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Statement language</source>
        <translation>Langue du relevé</translation>
    </message>
    <message>
        <source>No contract yet.</source>
        <translation>Pas encore de contrat.</translation>
    </message>
    <message>
        <source>{rate} an hour</source>
        <translation>{rate} de l’heure</translation>
    </message>
    <message>
        <source>{amount} a month for {hours}</source>
        <translation>{amount} par mois pour {hours}</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>à partir du {start}</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
    <message>
        <source>Contracts so far:</source>
        <translation>Contrats enregistrés&#xa0;:</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>NomadCM — unexpected error</source>
        <translation>NomadCM — erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong that NomadCM did not expect. Your data is safe: every change is saved as soon as you make it. You can keep working, or restart NomadCM if something looks odd.</source>
        <translation>Un problème que NomadCM n’avait pas prévu est survenu. Vos données sont en sécurité&#xa0;: chaque modification est enregistrée dès que vous la faites. Vous pouvez continuer à travailler, ou redémarrer NomadCM si quelque chose vous semble anormal.</translation>
    </message>
    <message>
        <source>This report was saved in {path}</source>
        <translation>Ce rapport a été enregistré dans {path}</translation>
    </message>
    <message>
        <source>The report could not be saved to the log folder; copy it from here.</source>
        <translation>Le rapport n’a pas pu être enregistré dans le dossier des journaux&#xa0;: copiez-le depuis cette fenêtre.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Ouvrir le dossier des journaux</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>DamagedDatabase</name>
    <message>
        <source>The backup could not be restored</source>
        <translation>La sauvegarde n’a pas pu être restaurée</translation>
    </message>
    <message>
        <source>NomadCM put the backup of {taken} in place of {path}.</source>
        <translation>NomadCM a remis la sauvegarde du {taken} à la place de {path}.</translation>
    </message>
    <message>
        <source>The damaged file was kept as {kept}: nothing was deleted.</source>
        <translation>Le fichier endommagé a été conservé sous le nom {kept}&#xa0;: rien n’a été supprimé.</translation>
    </message>
    <message>
        <source>The file it replaced was kept as {kept}: nothing was deleted.</source>
        <translation>Le fichier remplacé a été conservé sous le nom {kept}&#xa0;: rien n’a été supprimé.</translation>
    </message>
    <message>
        <source>What you changed after that backup is not in it.</source>
        <translation>Ce que vous avez modifié après cette sauvegarde n’y figure pas.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>La base de données est endommagée</translation>
    </message>
    <message>
        <source>The database {path} is damaged. NomadCM did not open it, so nothing more was written to it.</source>
        <translation>La base de données {path} est endommagée. NomadCM ne l’a pas ouverte&#xa0;: rien de plus n’y a été écrit.</translation>
    </message>
    <message>
        <source>Its newest backup was made on {newest}. Restoring it keeps the damaged file beside it, renamed.</source>
        <translation>Sa sauvegarde la plus récente date du {newest}. La restauration conserve le fichier endommagé à côté, sous un autre nom.</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>Restaurer la dernière sauvegarde</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>“{text}” is not a time. Type it as {example}.</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas une heure. Saisissez-la sous la forme {example}.</translation>
    </message>
    <message>
        <source>{text} is outside the dates NomadCM handles ({first} to {last}).</source>
        <translation>{text} est en dehors des dates que NomadCM prend en charge (du {first} au {last}).</translation>
    </message>
    <message>
        <source>“{text}” is not a date. Type it as {example} or {iso}.</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas une date. Saisissez-la sous la forme {example} ou {iso}.</translation>
    </message>
</context>
<context>
    <name>DayCanvas</name>
    <message>
        <source>Day overlap view</source>
        <translation>Vue des journées superposées</translation>
    </message>
    <message>
        <source>Audience: {time} {abbr} ({zone})</source>
        <translation>Audience&#xa0;: {time} {abbr} ({zone})</translation>
    </message>
    <message>
        <source>You: {time} {abbr} ({zone})</source>
        <translation>Vous&#xa0;: {time} {abbr} ({zone})</translation>
    </message>
    <message>
        <source>UTC: {time}</source>
        <translation>UTC&#xa0;: {time}</translation>
    </message>
    <message>
        <source>Not scheduled ({status})</source>
        <translation>Non programmée ({status})</translation>
    </message>
</context>
<context>
    <name>DayTableModel</name>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Fuseau</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Écrans</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>Sommeil</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Repos</translation>
    </message>
    <message>
        <source>Longest rest</source>
        <translation>Plus long repos</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Alertes</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>◀ Previous day</source>
        <translation>◀ Jour précédent</translation>
    </message>
    <message>
        <source>Next day ▶</source>
        <translation>Jour suivant ▶</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Jour affiché</translation>
    </message>
    <message>
        <source>your sleep</source>
        <translation>votre sommeil</translation>
    </message>
    <message>
        <source>your working hours</source>
        <translation>vos heures de travail</translation>
    </message>
    <message>
        <source>transit</source>
        <translation>trajet</translation>
    </message>
    <message>
        <source>audience prime hours</source>
        <translation>heures de forte audience</translation>
    </message>
    <message>
        <source>post with a conflict</source>
        <translation>publication en conflit</translation>
    </message>
    <message>
        <source>client&apos;s event (launch, closure…)</source>
        <translation>événement du client (lancement, fermeture…)</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>at home</source>
        <translation>chez vous</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>{day}: {where}, a day of {length}</source>
        <translation>{day}&#xa0;: {where}, une journée de {length}</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n publication</numerusform>
            <numerusform>%n publications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with conflicts</source>
        <translation>
            <numerusform>%n en conflit</numerusform>
            <numerusform>%n en conflit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DesktopShell</name>
    <message>
        <source>Screen timer</source>
        <translation>Minuteur d’écran</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language shows once NomadCM restarts. Restart now?</source>
        <translation>La nouvelle langue s’affichera au redémarrage de NomadCM. Redémarrer maintenant&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Redémarrer maintenant</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Plus &amp;tard</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Edit entry</source>
        <translation>Modifier l’entrée</translation>
    </message>
    <message>
        <source>Add screen time or rest</source>
        <translation>Ajouter du temps d’écran ou du repos</translation>
    </message>
    <message>
        <source>Screen time</source>
        <translation>Temps d’écran</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Repos</translation>
    </message>
    <message>
        <source>— no client —</source>
        <translation>— aucun client —</translation>
    </message>
    <message>
        <source>e.g. moderation, visuals, reporting</source>
        <translation>p. ex. modération, visuels, reporting</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>non noté</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Screen time cannot end in the future: log it once it has happened.</source>
        <translation>Le temps d’écran ne peut pas finir dans le futur&#xa0;: saisissez-le une fois écoulé.</translation>
    </message>
    <message>
        <source>The zone follows your itinerary: where you were at that time.</source>
        <translation>Le fuseau suit votre itinéraire&#xa0;: là où vous étiez à ce moment-là.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>This time does not exist in that zone.</source>
        <translation>Cette heure n’existe pas dans ce fuseau.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>La fin doit être postérieure au début.</translation>
    </message>
</context>
<context>
    <name>EntryTableModel</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Fuseau</translation>
    </message>
    <message>
        <source>Client / quality</source>
        <translation>Client / qualité</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Écran</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Repos</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>NomadCM</source>
        <translation>NomadCM</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Edit event</source>
        <translation>Modifier l’événement</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <source>e.g. Launch of the summer collection</source>
        <translation>p. ex. Lancement de la collection d’été</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Toute la journée</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>From the calendar {name}: its title and times come from there. The kind and notes you set here are kept when it is read again.</source>
        <translation>Issu du calendrier {name}&#xa0;: son titre et ses horaires viennent de là. Le type et les notes indiqués ici sont conservés à la prochaine lecture.</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Only the kind and the notes of this event can change.</source>
        <translation>Seuls le type et les notes de cet événement peuvent être modifiés.</translation>
    </message>
    <message>
        <source>Give the event a title.</source>
        <translation>Donnez un titre à l’événement.</translation>
    </message>
    <message>
        <source>Choose a time zone.</source>
        <translation>Choisissez un fuseau horaire.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in {zone}.</source>
        <translation>
            <numerusform>%n jour dans le fuseau {zone}.</numerusform>
            <numerusform>%n jours dans le fuseau {zone}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{hours} h, from {day} {time} for the audience ({zone}).</source>
        <translation>{hours}&#xa0;h, à partir du {day} à {time} pour l’audience ({zone}).</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>Launch</source>
        <translation>Lancement</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Fermeture</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Press</source>
        <translation>Presse</translation>
    </message>
    <message>
        <source>Blackout</source>
        <translation>Période de silence</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <source>{when} ({zone})</source>
        <translation>{when} ({zone})</translation>
    </message>
    <message>
        <source>From the calendar {name}</source>
        <translation>Issu du calendrier {name}</translation>
    </message>
    <message>
        <source>No post in the {hours} h before or after this launch</source>
        <translation>Aucune publication dans les {hours}&#xa0;h avant ou après ce lancement</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>When (their time)</source>
        <translation>Quand (heure de l’audience)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Posts around</source>
        <translation>Publications proches</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>saisi à la main</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Add event…</source>
        <translation>Ajouter un événement…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source> h</source>
        <translation>&#xa0;h</translation>
    </message>
    <message>
        <source>A launch with no post this many hours before or after it is flagged as a conflict</source>
        <translation>Un lancement sans aucune publication dans ce nombre d’heures avant ou après est signalé comme conflit</translation>
    </message>
    <message>
        <source>Posts wanted around a launch: ±</source>
        <translation>Publications attendues autour d’un lancement&#xa0;: ±</translation>
    </message>
    <message>
        <source>Import .ics…</source>
        <translation>Importer un .ics…</translation>
    </message>
    <message>
        <source>Subscribe…</source>
        <translation>S’abonner…</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Actualiser maintenant</translation>
    </message>
    <message>
        <source>Remove calendar</source>
        <translation>Retirer le calendrier</translation>
    </message>
    <message>
        <source>Client&apos;s calendars</source>
        <translation>Calendriers du client</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Supprimer l’événement</translation>
    </message>
    <message>
        <source>Delete the event “{title}”?</source>
        <translation>Supprimer l’événement «&#xa0;{title}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Import the client&apos;s calendar</source>
        <translation>Importer le calendrier du client</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics *.ical *.ifb);;All files (*)</source>
        <translation>Fichiers iCalendar (*.ics *.ical *.ifb);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Downloading the calendar…</source>
        <translation>Téléchargement du calendrier…</translation>
    </message>
    <message>
        <source>Reading the calendars again…</source>
        <translation>Relecture des calendriers…</translation>
    </message>
    <message>
        <source>Calendars read again.</source>
        <translation>Calendriers relus.</translation>
    </message>
    <message>
        <source>Remove the calendar “{name}” and the {count} events read from it?</source>
        <translation>Retirer le calendrier «&#xa0;{name}&#xa0;» et les {count} événements qui en viennent&#xa0;?</translation>
    </message>
    <message>
        <source>{name}: {added} added, {updated} updated, {removed} removed.</source>
        <translation>{name} — ajoutés&#xa0;: {added}, mis à jour&#xa0;: {updated}, retirés&#xa0;: {removed}.</translation>
    </message>
    <message>
        <source>Left out: {what}</source>
        <translation>Non repris&#xa0;: {what}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the schedule</source>
        <translation>Exporter le planning</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>For Excel in French (semicolons, UTF-8 with BOM)</source>
        <translation>Pour Excel en français (points-virgules, UTF-8 avec BOM)</translation>
    </message>
    <message>
        <source>The zone of the tool&apos;s profile: times are written on its clock</source>
        <translation>Le fuseau du profil dans l’outil&#xa0;: les heures sont écrites dans ce fuseau</translation>
    </message>
    <message>
        <source>Day first (31/12/2026)</source>
        <translation>Jour en premier (31/12/2026)</translation>
    </message>
    <message>
        <source>Month first (12/31/2026)</source>
        <translation>Mois en premier (12/31/2026)</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Client&#xa0;:</translation>
    </message>
    <message>
        <source>Audience dates:</source>
        <translation>Dates de l’audience&#xa0;:</translation>
    </message>
    <message>
        <source>Times in &amp;zone:</source>
        <translation>Heures dans le &amp;fuseau&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Dates written:</source>
        <translation>Format des &amp;dates&#xa0;:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La date de fin précède la date de début.</translation>
    </message>
    <message>
        <source>Checking what this format takes…</source>
        <translation>Vérification des contraintes de ce format…</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>Fichiers iCalendar (*.ics);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export done</source>
        <translation>Export terminé</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Afficher le dossier</translation>
    </message>
    <message>
        <source>Nothing was written: {reason}</source>
        <translation>Rien n’a été écrit&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>NomadCM CSV</source>
        <translation>CSV NomadCM</translation>
    </message>
    <message>
        <source>CSV for Excel in French (semicolons, UTF-8 with BOM)</source>
        <translation>CSV pour Excel en français (points-virgules, UTF-8 avec BOM)</translation>
    </message>
    <message>
        <source>Hootsuite bulk upload</source>
        <translation>Import groupé Hootsuite</translation>
    </message>
    <message>
        <source>Sprout Social bulk upload</source>
        <translation>Import groupé Sprout Social</translation>
    </message>
    <message>
        <source>Publer bulk upload</source>
        <translation>Import groupé Publer</translation>
    </message>
    <message>
        <source>iCalendar (.ics) for a calendar app</source>
        <translation>iCalendar (.ics) pour une application d’agenda</translation>
    </message>
    <message>
        <source>%n event(s) will be written (a repeating post is one event).</source>
        <translation>%n événement(s) à écrire (une publication récurrente est un seul événement).</translation>
    </message>
    <message>
        <source>%n scheduled post(s) will be written.</source>
        <translation>%n publication(s) programmée(s) à écrire.</translation>
    </message>
    <message>
        <source>%n post(s) will be exported.</source>
        <translation>%n publication(s) à exporter.</translation>
    </message>
    <message>
        <source>…and %n more</source>
        <translation>…et %n de plus</translation>
    </message>
    <message>
        <source>moved to {time} ({tool} takes {step}-minute steps)</source>
        <translation>déplacée à {time} ({tool} fonctionne par pas de {step} minutes)</translation>
    </message>
    <message>
        <source>is in the past ({tool} refuses it)</source>
        <translation>est dans le passé ({tool} la refuse)</translation>
    </message>
    <message>
        <source>is less than {minutes} minutes from now ({tool} refuses it)</source>
        <translation>part dans moins de {minutes} minutes ({tool} la refuse)</translation>
    </message>
    <message>
        <source>the text has {length} characters, over the {limit}-character limit of {network}</source>
        <translation>le texte fait {length} caractères, au-delà de la limite de {limit} caractères de {network}</translation>
    </message>
    <message>
        <source>the same text is already in the file ({tool} refuses duplicates)</source>
        <translation>le même texte est déjà dans le fichier ({tool} refuse les doublons)</translation>
    </message>
    <message>
        <source>is less than {minutes} minutes after the previous post ({tool} wants them apart)</source>
        <translation>part moins de {minutes} minutes après la précédente ({tool} impose un écart minimal)</translation>
    </message>
    <message>
        <source>post {id} at {when}: {reason}</source>
        <translation>publication {id} du {when}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>post {id}: {reason}</source>
        <translation>publication {id}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>%n post(s) left out, refused by {tool}:</source>
        <translation>%n publication(s) écartée(s), refusée(s) par {tool}&#xa0;:</translation>
    </message>
    <message>
        <source>%n post(s) moved to the tool&apos;s time step:</source>
        <translation>%n publication(s) décalée(s) sur le pas horaire de l’outil&#xa0;:</translation>
    </message>
    <message>
        <source>%n post(s) left out (fix or delete them, then export again):</source>
        <translation>%n publication(s) écartée(s) (corrigez-les ou supprimez-les, puis exportez à nouveau)&#xa0;:</translation>
    </message>
    <message>
        <source>“{text}” repeats with no end: written as a repeating event, calendars show it for ever.</source>
        <translation>«&#xa0;{text}&#xa0;» se répète sans fin&#xa0;: elle est écrite comme un événement récurrent, que les agendas affichent indéfiniment.</translation>
    </message>
    <message>
        <source>“{text}” repeats with no end: listed until {date} (set an end date to list more).</source>
        <translation>«&#xa0;{text}&#xa0;» se répète sans fin&#xa0;: elle est listée jusqu’au {date} (indiquez une date de fin pour aller plus loin).</translation>
    </message>
    <message>
        <source>Exported {count} events to {path}</source>
        <translation>{count} événements exportés dans {path}</translation>
    </message>
    <message>
        <source>Exported {count} posts to {path}</source>
        <translation>{count} publications exportées dans {path}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to NomadCM</source>
        <translation>Bienvenue dans NomadCM</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Commencer</translation>
    </message>
</context>
<context>
    <name>GoalsDialog</name>
    <message>
        <source>Wellbeing goals and reminders</source>
        <translation>Objectifs de bien-être et rappels</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Sleep per night (h)</source>
        <translation>Sommeil par nuit (h)</translation>
    </message>
    <message>
        <source>Rest in a row each day (h)</source>
        <translation>Repos d’affilée chaque jour (h)</translation>
    </message>
    <message>
        <source>Rest in a row each week (h)</source>
        <translation>Repos d’affilée chaque semaine (h)</translation>
    </message>
    <message>
        <source>Screen time per day, at most (h)</source>
        <translation>Temps d’écran par jour, au plus (h)</translation>
    </message>
    <message>
        <source>Screen time per week, at most (h)</source>
        <translation>Temps d’écran par semaine, au plus (h)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Day starts at</source>
        <translation>La journée commence à</translation>
    </message>
    <message>
        <source>Break reminders while a screen timer runs</source>
        <translation>Rappels de pause pendant qu’un minuteur d’écran tourne</translation>
    </message>
    <message>
        <source>Remind me to take breaks</source>
        <translation>Me rappeler de faire des pauses</translation>
    </message>
    <message>
        <source>Short break every (min)</source>
        <translation>Pause courte toutes les (min)</translation>
    </message>
    <message>
        <source>Short break length (min)</source>
        <translation>Durée de la pause courte (min)</translation>
    </message>
    <message>
        <source>Long break every (min)</source>
        <translation>Pause longue toutes les (min)</translation>
    </message>
    <message>
        <source>Long break length (min)</source>
        <translation>Durée de la pause longue (min)</translation>
    </message>
    <message>
        <source>Postpone by (min)</source>
        <translation>Reporter de (min)</translation>
    </message>
    <message>
        <source>Warn when today&apos;s screen time passes the daily limit</source>
        <translation>Prévenir quand le temps d’écran du jour dépasse la limite quotidienne</translation>
    </message>
    <message>
        <source>Hover a field to see where its default comes from.</source>
        <translation>Survolez un champ pour voir d’où vient sa valeur par défaut.</translation>
    </message>
    <message>
        <source>When your day starts: screen time before this hour counts for the day before (default 04:00, as ActivityWatch and Workrave).</source>
        <translation>L’heure où commence votre journée&#xa0;: le temps d’écran avant cette heure compte pour la veille (4&#xa0;h par défaut, comme ActivityWatch et Workrave).</translation>
    </message>
    <message>
        <source>Adults need at least 7 hours of sleep a night (American Academy of Sleep Medicine and Sleep Research Society consensus, 2015). A night counts for the day you wake up. 0 turns it off.</source>
        <translation>Un adulte a besoin d’au moins 7 heures de sommeil par nuit (consensus de l’American Academy of Sleep Medicine et de la Sleep Research Society, 2015). Une nuit compte pour le jour du réveil. 0 désactive la vérification.</translation>
    </message>
    <message>
        <source>At least 11 consecutive hours of rest in each day (EU working-time directive 2003/88/EC, article 3). Rest is time away from screens or logged as rest. 0 turns it off.</source>
        <translation>Au moins 11 heures de repos consécutives chaque jour (directive européenne 2003/88/CE sur le temps de travail, article 3). Le repos désigne le temps passé loin des écrans ou saisi comme repos. 0 désactive la vérification.</translation>
    </message>
    <message>
        <source>One uninterrupted rest of 24 hours in each 7 days (EU working-time directive 2003/88/EC, article 5). 0 turns it off.</source>
        <translation>Un repos ininterrompu de 24 heures tous les 7 jours (directive européenne 2003/88/CE sur le temps de travail, article 5). 0 désactive la vérification.</translation>
    </message>
    <message>
        <source>Your daily screen-time limit, all screens together (default 8 h).</source>
        <translation>Votre limite de temps d’écran par jour, tous écrans confondus (8&#xa0;h par défaut).</translation>
    </message>
    <message>
        <source>Your weekly screen-time limit, all screens together (default 40 h).</source>
        <translation>Votre limite de temps d’écran par semaine, tous écrans confondus (40&#xa0;h par défaut).</translation>
    </message>
    <message>
        <source>Off by default. Reminders only run while a screen timer runs.</source>
        <translation>Désactivé par défaut. Les rappels ne fonctionnent que pendant qu’un minuteur d’écran tourne.</translation>
    </message>
    <message>
        <source>UK HSE advice for screen work: short, frequent breaks, e.g. 5-10 minutes after 50-60 minutes.</source>
        <translation>Conseil du HSE britannique pour le travail sur écran&#xa0;: des pauses courtes et fréquentes, p. ex. 5 à 10 minutes toutes les 50 à 60 minutes.</translation>
    </message>
    <message>
        <source>Length of a short break (UK HSE: 5-10 minutes).</source>
        <translation>Durée d’une pause courte (HSE britannique&#xa0;: 5 à 10 minutes).</translation>
    </message>
    <message>
        <source>A longer break replaces the short one at this interval.</source>
        <translation>Une pause plus longue remplace la courte à cet intervalle.</translation>
    </message>
    <message>
        <source>Length of a long break.</source>
        <translation>Durée d’une pause longue.</translation>
    </message>
    <message>
        <source>How long &apos;Postpone&apos; waits before asking again.</source>
        <translation>Délai avant que «&#xa0;Reporter&#xa0;» ne redemande.</translation>
    </message>
    <message>
        <source>Once a day, when a running timer passes your daily limit.</source>
        <translation>Une fois par jour, quand un minuteur en cours dépasse votre limite quotidienne.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Where is home?</source>
        <translation>Où est votre port d’attache&#xa0;?</translation>
    </message>
    <message>
        <source>Outside your stays and trips NomadCM counts you at home: “your time” is home time.</source>
        <translation>En dehors de vos séjours et trajets, NomadCM vous considère chez vous&#xa0;: «&#xa0;votre heure&#xa0;» est alors l’heure de chez vous.</translation>
    </message>
    <message>
        <source>Home &amp;city</source>
        <translation>&amp;Ville de résidence</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Fuseau horaire</translation>
    </message>
    <message>
        <source>Home city</source>
        <translation>Ville de résidence</translation>
    </message>
    <message>
        <source>Home time zone</source>
        <translation>Fuseau horaire de résidence</translation>
    </message>
</context>
<context>
    <name>Hours</name>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>sunrise</source>
        <translation>lever du soleil</translation>
    </message>
    <message>
        <source>sunset</source>
        <translation>coucher du soleil</translation>
    </message>
    <message>
        <source>dawn</source>
        <translation>aube</translation>
    </message>
    <message>
        <source>dusk</source>
        <translation>crépuscule</translation>
    </message>
    <message>
        <source>public holidays</source>
        <translation>jours fériés</translation>
    </message>
    <message>
        <source>school holidays</source>
        <translation>vacances scolaires</translation>
    </message>
    <message>
        <source>24/7</source>
        <translation>24&#xa0;h/24, 7&#xa0;j/7</translation>
    </message>
</context>
<context>
    <name>HoursChart</name>
    <message>
        <source>Hours per client: paid and unpaid</source>
        <translation>Heures par client&#xa0;: payées et non payées</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>payées</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>non payées</translation>
    </message>
    <message>
        <source>No hours in this period</source>
        <translation>Aucune heure sur cette période</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>No contract with {client}: you gave {hours} this month.</source>
        <translation>Aucun contrat avec {client}&#xa0;: vous lui avez consacré {hours} ce mois-ci.</translation>
    </message>
    <message>
        <source>You gave {client} {hours} this month.</source>
        <translation>Vous avez consacré {hours} à {client} ce mois-ci.</translation>
    </message>
    <message>
        <source>Add a client on the Clients page to count its hours.</source>
        <translation>Ajoutez un client sur la page Clients pour compter ses heures.</translation>
    </message>
    <message>
        <source>Hand entries can be edited here; measured time on the Wellbeing page.</source>
        <translation>Les saisies à la main se modifient ici&#xa0;; le temps mesuré, sur la page Bien-être.</translation>
    </message>
    <message>
        <source>Export statement</source>
        <translation>Exporter le relevé</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;CSV file (*.csv)</source>
        <translation>Document PDF (*.pdf);;Fichier CSV (*.csv)</translation>
    </message>
    <message>
        <source>Statement export</source>
        <translation>Export du relevé</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Enregistré&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
</context>
<context>
    <name>HoursPageView</name>
    <message>
        <source>Previous month</source>
        <translation>Mois précédent</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mois suivant</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Log work…</source>
        <translation>Saisir un temps de travail…</translation>
    </message>
    <message>
        <source>A call, a workshop: time NomadCM did not measure</source>
        <translation>Un appel, un atelier&#xa0;: du temps que NomadCM n’a pas mesuré</translation>
    </message>
    <message>
        <source>Contract…</source>
        <translation>Contrat…</translation>
    </message>
    <message>
        <source>Export statement…</source>
        <translation>Exporter le relevé…</translation>
    </message>
    <message>
        <source>The selected client&apos;s month as PDF or CSV, in their language</source>
        <translation>Le mois du client sélectionné en PDF ou en CSV, dans sa langue</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mois</numerusform>
            <numerusform>%n mois</numerusform>
        </translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>Enregistrer le graphique…</translation>
    </message>
    <message>
        <source>Months shown</source>
        <translation>Mois affichés</translation>
    </message>
    <message>
        <source>Work of the month</source>
        <translation>Travail du mois</translation>
    </message>
    <message>
        <source>Paid and unpaid, month by month</source>
        <translation>Payé et non payé, mois par mois</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import schedule from CSV</source>
        <translation>Importer un planning CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import finished: %n post(s) from {name}.</source>
        <translation>Import terminé&#xa0;: %n publication(s) depuis {name}.</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>Import de {name}…</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
    <message>
        <source>Import of {name}</source>
        <translation>Import de {name}</translation>
    </message>
    <message>
        <source>New channels were added: {channels}</source>
        <translation>Nouveaux canaux ajoutés&#xa0;: {channels}</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n post(s) from {name}.</source>
        <translation>
            <numerusform>%n publication importée depuis {name}.</numerusform>
            <numerusform>%n publications importées depuis {name}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Import annulé.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>ligne {line}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Nothing was imported from {name}.</source>
        <translation>Rien n’a été importé depuis {name}.</translation>
    </message>
    <message>
        <source>%n row(s) have problems (the header is line 1). Fix them in the file and import it again.</source>
        <translation>%n ligne(s) en erreur (l’en-tête est la ligne 1). Corrigez le fichier puis relancez l’import.</translation>
    </message>
    <message>
        <source>The import stopped on an unexpected error.</source>
        <translation>L’import s’est arrêté sur une erreur inattendue.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import finished: %n post(s).</source>
        <translation>Import terminé&#xa0;: %n publication(s).</translation>
    </message>
    <message>
        <source>Import posts</source>
        <translation>Importer des publications</translation>
    </message>
    <message>
        <source>A CSV file</source>
        <translation>Un fichier CSV</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>NomadCM CSV</source>
        <translation>CSV NomadCM</translation>
    </message>
    <message>
        <source>Hootsuite bulk file</source>
        <translation>Fichier d’import groupé Hootsuite</translation>
    </message>
    <message>
        <source>Sprout Social bulk file</source>
        <translation>Fichier d’import groupé Sprout Social</translation>
    </message>
    <message>
        <source>Publer bulk file</source>
        <translation>Fichier d’import groupé Publer</translation>
    </message>
    <message>
        <source>Day first (31/12/2026)</source>
        <translation>Jour en premier (31/12/2026)</translation>
    </message>
    <message>
        <source>Month first (12/31/2026)</source>
        <translation>Mois en premier (12/31/2026)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat&#xa0;:</translation>
    </message>
    <message>
        <source>Times are in &amp;zone:</source>
        <translation>Heures dans le fu&amp;seau&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>&amp;Dates&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Pos&amp;ts for:</source>
        <translation>Publica&amp;tions pour&#xa0;:</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose a file to import.</source>
        <translation>Choisissez un fichier à importer.</translation>
    </message>
    <message>
        <source>Add a client and a channel first: the file names none.</source>
        <translation>Ajoutez d’abord un client et un canal&#xa0;: le fichier n’en nomme aucun.</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>The file has no post.</source>
        <translation>Le fichier ne contient aucune publication.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported: fix them in the file, then preview again. Nothing is written until every row is good.</source>
        <translation>
            <numerusform>%n ligne ne peut pas être importée&#xa0;: corrigez-la dans le fichier, puis relancez l’aperçu. Rien n’est écrit tant que toutes les lignes ne sont pas bonnes.</numerusform>
            <numerusform>%n lignes ne peuvent pas être importées&#xa0;: corrigez-les dans le fichier, puis relancez l’aperçu. Rien n’est écrit tant que toutes les lignes ne sont pas bonnes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) ready to import.</source>
        <translation>
            <numerusform>%n publication prête à importer.</numerusform>
            <numerusform>%n publications prêtes à importer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <source>Import of {name}</source>
        <translation>Import de {name}</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) imported.</source>
        <translation>
            <numerusform>%n publication importée.</numerusform>
            <numerusform>%n publications importées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItineraryModel</name>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Séjour</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Same as the system</source>
        <translation>Selon le système</translation>
    </message>
</context>
<context>
    <name>LaunchAckDialog</name>
    <message>
        <source>Acknowledge a launch</source>
        <translation>Valider un lancement</translation>
    </message>
    <message>
        <source>“{title}” for {client}: no post is needed around this launch.</source>
        <translation>«&#xa0;{title}&#xa0;» pour {client}&#xa0;: aucune publication n’est nécessaire autour de ce lancement.</translation>
    </message>
    <message>
        <source>Why, e.g. the client announces it himself</source>
        <translation>Pourquoi, p. ex. le client l’annonce lui-même</translation>
    </message>
</context>
<context>
    <name>LaunchGapsModel</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>Lancement</translation>
    </message>
    <message>
        <source>When (their time)</source>
        <translation>Quand (heure de l’audience)</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>±{hours} h</source>
        <translation>±{hours}&#xa0;h</translation>
    </message>
    <message>
        <source>OK: {note}</source>
        <translation>Validé&#xa0;: {note}</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Validé</translation>
    </message>
    <message>
        <source>No post around it</source>
        <translation>Aucune publication autour</translation>
    </message>
</context>
<context>
    <name>LaunchGapsPanel</name>
    <message>
        <source>Launches with no post around them</source>
        <translation>Lancements sans publication autour</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Valider…</translation>
    </message>
    <message>
        <source>Flag again</source>
        <translation>Signaler à nouveau</translation>
    </message>
</context>
<context>
    <name>LoadingFrame</name>
    <message>
        <source>Loading {page}…</source>
        <translation>Chargement de la page {page}…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{page} (sample data)</source>
        <translation>{page} (données d’exemple)</translation>
    </message>
    <message>
        <source>NomadCM is still running: reminders and timers go on. Quit from the tray menu.</source>
        <translation>NomadCM tourne toujours&#xa0;: les rappels et les minuteurs continuent. Pour quitter, passez par le menu de l’icône de notification.</translation>
    </message>
</context>
<context>
    <name>MainWindowView</name>
    <message>
        <source>Sample data — {path}</source>
        <translation>Données d’exemple — {path}</translation>
    </message>
    <message>
        <source>The database NomadCM is working on</source>
        <translation>La base de données sur laquelle NomadCM travaille</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New post…</source>
        <translation>&amp;Nouvelle publication…</translation>
    </message>
    <message>
        <source>&amp;Import schedule from CSV…</source>
        <translation>&amp;Importer un planning CSV…</translation>
    </message>
    <message>
        <source>Back to &amp;your data</source>
        <translation>Retour à &amp;vos données</translation>
    </message>
    <message>
        <source>Close the sample data and open your own database</source>
        <translation>Fermer les données d’exemple et ouvrir votre propre base</translation>
    </message>
    <message>
        <source>Explore the &amp;sample data</source>
        <translation>Explorer les données d’e&amp;xemple</translation>
    </message>
    <message>
        <source>A realistic month in a separate database; yours is not touched</source>
        <translation>Un mois réaliste dans une base séparée&#xa0;; la vôtre reste intacte</translation>
    </message>
    <message>
        <source>&amp;Export schedule (CSV, Excel, bulk tools, calendar)…</source>
        <translation>&amp;Exporter le planning (CSV, Excel, outils de programmation, agenda)…</translation>
    </message>
    <message>
        <source>Open &amp;team database…</source>
        <translation>&amp;Ouvrir une base d’équipe…</translation>
    </message>
    <message>
        <source>A database your team shares on a PostgreSQL server</source>
        <translation>Une base de données partagée par votre équipe sur un serveur PostgreSQL</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtrer…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Show what another window or the command line changed</source>
        <translation>Afficher ce qu’une autre fenêtre ou la ligne de commande a modifié</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Welcome assistant…</source>
        <translation>Assistant de &amp;bienvenue…</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <source>&amp;About NomadCM</source>
        <translation>À &amp;propos de NomadCM</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
</context>
<context>
    <name>MonthHoursModel</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Worked</source>
        <translation>Travaillé</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>Non payé</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Gagné</translation>
    </message>
    <message>
        <source>Per hour worked</source>
        <translation>Par heure travaillée</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Hourly: the billable hours. Retainer: the hours it includes (for its days).</source>
        <translation>Taux horaire&#xa0;: les heures facturables. Forfait&#xa0;: les heures qu’il comprend (au prorata de ses jours).</translation>
    </message>
    <message>
        <source>What the month earned divided by the hours worked.</source>
        <translation>Ce que le mois a rapporté, divisé par les heures travaillées.</translation>
    </message>
    <message>
        <source>no contract</source>
        <translation>aucun contrat</translation>
    </message>
    <message>
        <source>{rate} an hour</source>
        <translation>{rate} de l’heure</translation>
    </message>
    <message>
        <source>{amount} a month for {hours}</source>
        <translation>{amount} par mois pour {hours}</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>+{count} more</source>
        <translation>+{count} autres</translation>
    </message>
</context>
<context>
    <name>Occurrences</name>
    <message>
        <source>Only these</source>
        <translation>Seulement celles-ci</translation>
    </message>
    <message>
        <source>These and following</source>
        <translation>Celles-ci et les suivantes</translation>
    </message>
    <message>
        <source>Only this one</source>
        <translation>Seulement celle-ci</translation>
    </message>
    <message>
        <source>This and following</source>
        <translation>Celle-ci et les suivantes</translation>
    </message>
    <message>
        <source>All of them</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>%n changed occurrence(s) no longer fit the new pattern and were removed.</source>
        <translation>%n occurrence(s) modifiée(s) retirée(s), car hors de la nouvelle règle.</translation>
    </message>
    <message>
        <source>{time} does not exist on {day} in {zone} (the clocks jump forward): this occurrence goes out at {moved}, just after the jump.</source>
        <translation>{time} n’existe pas le {day} dans le fuseau {zone} (passage à l’heure d’été)&#xa0;: cette occurrence part à {moved}, juste après le changement d’heure.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>new post</source>
        <translation>nouvelle publication</translation>
    </message>
    <message>
        <source>add %n post(s)</source>
        <translation>ajout de %n publication(s)</translation>
    </message>
    <message>
        <source>import of {name}</source>
        <translation>import de {name}</translation>
    </message>
    <message>
        <source>post edit</source>
        <translation>modification de la publication</translation>
    </message>
    <message>
        <source>move post</source>
        <translation>déplacement de la publication</translation>
    </message>
    <message>
        <source>status change</source>
        <translation>changement de statut</translation>
    </message>
    <message>
        <source>delete post</source>
        <translation>suppression de la publication</translation>
    </message>
    <message>
        <source>delete {count} posts</source>
        <translation>suppression de {count} publications</translation>
    </message>
    <message>
        <source>restore %n post(s)</source>
        <translation>restauration de %n publication(s)</translation>
    </message>
    <message>
        <source>edit repeating post</source>
        <translation>modification d’une publication récurrente</translation>
    </message>
    <message>
        <source>move occurrence</source>
        <translation>déplacement d’une occurrence</translation>
    </message>
    <message>
        <source>mark published</source>
        <translation>marquage comme publiée</translation>
    </message>
    <message>
        <source>delete occurrence</source>
        <translation>suppression d’une occurrence</translation>
    </message>
    <message>
        <source>delete %n row(s)</source>
        <translation>suppression de %n ligne(s)</translation>
    </message>
    <message>
        <source>new stay in {place}</source>
        <translation>nouveau séjour à {place}</translation>
    </message>
    <message>
        <source>change stay in {place}</source>
        <translation>modification du séjour à {place}</translation>
    </message>
    <message>
        <source>delete stay in {place}</source>
        <translation>suppression du séjour à {place}</translation>
    </message>
    <message>
        <source>new transit {route}</source>
        <translation>nouveau trajet {route}</translation>
    </message>
    <message>
        <source>change transit {route}</source>
        <translation>modification du trajet {route}</translation>
    </message>
    <message>
        <source>delete transit {route}</source>
        <translation>suppression du trajet {route}</translation>
    </message>
    <message>
        <source>acknowledge conflicts</source>
        <translation>validation de conflits</translation>
    </message>
    <message>
        <source>undo acknowledgement</source>
        <translation>annulation de la validation</translation>
    </message>
    <message>
        <source>add screen time</source>
        <translation>ajout de temps d’écran</translation>
    </message>
    <message>
        <source>add rest</source>
        <translation>ajout de repos</translation>
    </message>
    <message>
        <source>edit entry</source>
        <translation>modification d’une entrée</translation>
    </message>
    <message>
        <source>delete %n entries</source>
        <translation>suppression de %n entrée(s)</translation>
    </message>
    <message>
        <source>restore %n entries</source>
        <translation>restauration de %n entrée(s)</translation>
    </message>
    <message>
        <source>new client {name}</source>
        <translation>nouveau client {name}</translation>
    </message>
    <message>
        <source>change client {name}</source>
        <translation>modification du client {name}</translation>
    </message>
    <message>
        <source>delete client {name}</source>
        <translation>suppression du client {name}</translation>
    </message>
    <message>
        <source>restore client {name}</source>
        <translation>restauration du client {name}</translation>
    </message>
    <message>
        <source>new channel {channel}</source>
        <translation>nouveau canal {channel}</translation>
    </message>
    <message>
        <source>change channel {channel}</source>
        <translation>modification du canal {channel}</translation>
    </message>
    <message>
        <source>delete channel {channel}</source>
        <translation>suppression du canal {channel}</translation>
    </message>
    <message>
        <source>restore channel {channel}</source>
        <translation>restauration du canal {channel}</translation>
    </message>
    <message>
        <source>new place {name}</source>
        <translation>nouveau lieu {name}</translation>
    </message>
    <message>
        <source>change place {name}</source>
        <translation>modification du lieu {name}</translation>
    </message>
    <message>
        <source>delete place {name}</source>
        <translation>suppression du lieu {name}</translation>
    </message>
    <message>
        <source>add speed test</source>
        <translation>ajout d’un test de débit</translation>
    </message>
    <message>
        <source>delete speed test</source>
        <translation>suppression d’un test de débit</translation>
    </message>
    <message>
        <source>log work session</source>
        <translation>ajout d’une session de travail</translation>
    </message>
    <message>
        <source>delete work session</source>
        <translation>suppression d’une session de travail</translation>
    </message>
    <message>
        <source>add %n place(s) to checklist</source>
        <translation>ajout de %n adresse(s) à la liste du voyage</translation>
    </message>
    <message>
        <source>checklist change</source>
        <translation>modification de la liste du voyage</translation>
    </message>
    <message>
        <source>remove from checklist</source>
        <translation>retrait de la liste du voyage</translation>
    </message>
    <message>
        <source>import of places from {name}</source>
        <translation>import de lieux depuis {name}</translation>
    </message>
    <message>
        <source>wellbeing import from {name}</source>
        <translation>import bien-être depuis {name}</translation>
    </message>
    <message>
        <source>posting slots change</source>
        <translation>modification des créneaux de publication</translation>
    </message>
    <message>
        <source>settings change</source>
        <translation>modification des paramètres</translation>
    </message>
    <message>
        <source>sleep and work hours change</source>
        <translation>modification des heures de sommeil et de travail</translation>
    </message>
    <message>
        <source>contract of {name}</source>
        <translation>contrat de {name}</translation>
    </message>
    <message>
        <source>remove contract of {name}</source>
        <translation>retrait du contrat de {name}</translation>
    </message>
    <message>
        <source>statement language of {name}</source>
        <translation>langue du relevé de {name}</translation>
    </message>
    <message>
        <source>log work</source>
        <translation>saisie de travail</translation>
    </message>
    <message>
        <source>edit work entry</source>
        <translation>modification d’une saisie de travail</translation>
    </message>
    <message>
        <source>delete %n work entries</source>
        <translation>suppression de %n saisie(s) de travail</translation>
    </message>
    <message>
        <source>new event {title}</source>
        <translation>nouvel événement {title}</translation>
    </message>
    <message>
        <source>change event {title}</source>
        <translation>modification de l’événement {title}</translation>
    </message>
    <message>
        <source>delete %n event(s)</source>
        <translation>suppression de %n événement(s)</translation>
    </message>
    <message>
        <source>calendar {name}</source>
        <translation>calendrier {name}</translation>
    </message>
    <message>
        <source>remove calendar {name}</source>
        <translation>retrait du calendrier {name}</translation>
    </message>
    <message>
        <source>launch window change</source>
        <translation>modification de la fenêtre de lancement</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>Impossible d’annuler</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Schedule</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <translation>Bien-être</translation>
    </message>
    <message>
        <source>Workplaces</source>
        <translation>Lieux de travail</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Voyages</translation>
    </message>
    <message>
        <source>Hours &amp; pay</source>
        <translation>Heures et revenus</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password for the team database</source>
        <translation>Mot de passe de la base d’équipe</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PiecesModel</name>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Facturable</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <source>Edit place</source>
        <translation>Modifier le lieu</translation>
    </message>
    <message>
        <source>New place</source>
        <translation>Nouveau lieu</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>from the coordinates</source>
        <translation>d’après les coordonnées</translation>
    </message>
    <message>
        <source>from the city</source>
        <translation>d’après la ville</translation>
    </message>
    <message>
        <source>Automatic: {zone} ({source})</source>
        <translation>Automatique&#xa0;: {zone} ({source})</translation>
    </message>
    <message>
        <source>Automatic: not known — give the coordinates, a known city or a zone</source>
        <translation>Automatique&#xa0;: inconnu — indiquez les coordonnées, une ville connue ou un fuseau</translation>
    </message>
    <message>
        <source>Not known: the place is never listed as open.</source>
        <translation>Inconnus&#xa0;: le lieu n’apparaît jamais comme ouvert.</translation>
    </message>
    <message>
        <source>Not understood ({error}). Kept as typed; the place is treated as of unknown hours.</source>
        <translation>Non compris ({error}). Gardé tel quel&#xa0;; les horaires du lieu sont considérés comme inconnus.</translation>
    </message>
    <message>
        <source>Understood. Give a zone to know if it is open now.</source>
        <translation>Compris. Indiquez un fuseau pour savoir s’il est ouvert en ce moment.</translation>
    </message>
    <message>
        <source>{state} now ({time} there)</source>
        <translation>{state} en ce moment ({time} sur place)</translation>
    </message>
    <message>
        <source>, until {when}</source>
        <translation>, jusqu’à {when}</translation>
    </message>
    <message>
        <source>Unknown time zone {zone!r}: pick one from the list, or clear it.</source>
        <translation>Fuseau horaire inconnu {zone!r}&#xa0;: choisissez-en un dans la liste, ou videz le champ.</translation>
    </message>
    <message>
        <source>Give both the latitude and the longitude, or neither.</source>
        <translation>Indiquez la latitude et la longitude, ou aucune des deux.</translation>
    </message>
    <message>
        <source>No speed test yet. Run one (speedtest, fast.com, nPerf) and add it.</source>
        <translation>Pas encore de test de débit. Lancez-en un (speedtest, fast.com, nPerf) puis ajoutez-le.</translation>
    </message>
    <message>
        <source>Median {down} Mbit/s down, {up} up over {count} test(s); the latest {age}.</source>
        <translation>Médiane&#xa0;: {down} Mbit/s descendant, {up} montant, sur {count} test(s)&#xa0;; le dernier {age}.</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete speed test</source>
        <translation>Supprimer le test de débit</translation>
    </message>
    <message>
        <source>Delete the test of {when} ({down} Mbit/s down)? Use this for a mistaken measurement.</source>
        <translation>Supprimer le test du {when} ({down} Mbit/s descendant)&#xa0;? À utiliser pour une mesure erronée.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>, {h} h {m:02d} in all</source>
        <translation>, {h}&#xa0;h&#xa0;{m:02d} au total</translation>
    </message>
    <message>
        <source>Delete work session</source>
        <translation>Supprimer la session de travail</translation>
    </message>
    <message>
        <source>Delete this work session? It leaves your screen time too.</source>
        <translation>Supprimer cette session de travail&#xa0;? Elle disparaît aussi de votre temps d’écran.</translation>
    </message>
</context>
<context>
    <name>PlaceDialogView</name>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation>Tests de débit</translation>
    </message>
    <message>
        <source>Work sessions</source>
        <translation>Sessions de travail</translation>
    </message>
    <message>
        <source>e.g. Copenhagen Coffee Lab</source>
        <translation>p. ex. Copenhagen Coffee Lab</translation>
    </message>
    <message>
        <source>e.g. PT</source>
        <translation>p. ex. PT</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>Automatic (from the coordinates or the city)</source>
        <translation>Automatique (d’après les coordonnées ou la ville)</translation>
    </message>
    <message>
        <source>Lat.</source>
        <translation>Lat.</translation>
    </message>
    <message>
        <source>Lon.</source>
        <translation>Long.</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>WiFi password</source>
        <translation>Mot de passe Wi-Fi</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Share the password with the team</source>
        <translation>Partager le mot de passe avec l’équipe</translation>
    </message>
    <message>
        <source>Unticked, the password stays on this computer, for you only; ticked, every member sees it.</source>
        <translation>Décochée, le mot de passe reste sur cet ordinateur, pour vous seul&#xa0;; cochée, tous les membres le voient.</translation>
    </message>
    <message>
        <source>e.g. one coffee, 15 € a day</source>
        <translation>p. ex. un café, 15&#xa0;€ la journée</translation>
    </message>
    <message>
        <source>WiFi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>Network (SSID)</source>
        <translation>Réseau (SSID)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>OpenStreetMap syntax, e.g. Mo-Fr 08:00-18:00; Sa 09:00-13:00</source>
        <translation>Syntaxe OpenStreetMap (jours en anglais), p. ex. Mo-Fr 08:00-18:00; Sa 09:00-13:00</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Horaires d’ouverture</translation>
    </message>
    <message>
        <source>Your scores (0 to 5)</source>
        <translation>Vos notes (de 0 à 5)</translation>
    </message>
    <message>
        <source>WiFi reliability</source>
        <translation>Fiabilité du Wi-Fi</translation>
    </message>
    <message>
        <source>Power outlets</source>
        <translation>Prises électriques</translation>
    </message>
    <message>
        <source>Quiet</source>
        <translation>Calme</translation>
    </message>
    <message>
        <source>Comfort</source>
        <translation>Confort</translation>
    </message>
    <message>
        <source>Price (5 = cheap)</source>
        <translation>Prix (5 = bon marché)</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>non noté</translation>
    </message>
    <message>
        <source>Food or coffee on site</source>
        <translation>De quoi manger ou boire un café sur place</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favori</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <source>Best table near the window, loud at lunch…</source>
        <translation>Meilleure table près de la fenêtre, bruyant le midi…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Add a speed test…</source>
        <translation>Ajouter un test de débit…</translation>
    </message>
    <message>
        <source>Delete test</source>
        <translation>Supprimer le test</translation>
    </message>
    <message>
        <source>Worked here…</source>
        <translation>J’ai travaillé ici…</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Supprimer la session</translation>
    </message>
</context>
<context>
    <name>PlacesModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Down (Mbit/s)</source>
        <translation>↓ Mbit/s</translation>
    </message>
    <message>
        <source>Up (Mbit/s)</source>
        <translation>↑ Mbit/s</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Tests</translation>
    </message>
    <message>
        <source>WiFi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Prises</translation>
    </message>
    <message>
        <source>Quiet</source>
        <translation>Calme</translation>
    </message>
    <message>
        <source>Comfort</source>
        <translation>Confort</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Ouvert maintenant</translation>
    </message>
    <message>
        <source>Open {day} {time}</source>
        <translation>Ouvert {day} {time}</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favori</translation>
    </message>
    <message>
        <source>Median download of the speed tests</source>
        <translation>Débit descendant médian des tests</translation>
    </message>
    <message>
        <source>Median upload of the speed tests</source>
        <translation>Débit montant médian des tests</translation>
    </message>
    <message>
        <source>How many speed tests</source>
        <translation>Nombre de tests de débit</translation>
    </message>
    <message>
        <source>WiFi reliability, 0 to 5</source>
        <translation>Fiabilité du Wi-Fi, de 0 à 5</translation>
    </message>
    <message>
        <source>Power outlets, 0 to 5</source>
        <translation>Prises électriques, de 0 à 5</translation>
    </message>
    <message>
        <source>Quiet, 0 to 5</source>
        <translation>Calme, de 0 à 5</translation>
    </message>
    <message>
        <source>Comfort, 0 to 5</source>
        <translation>Confort, de 0 à 5</translation>
    </message>
    <message>
        <source>Price, 0 (dear) to 5 (cheap)</source>
        <translation>Prix, de 0 (cher) à 5 (bon marché)</translation>
    </message>
    <message>
        <source>Open now, on the place&apos;s own clock</source>
        <translation>Ouvert maintenant, à l’heure locale du lieu</translation>
    </message>
    <message>
        <source>? hours not understood</source>
        <translation>? horaires non compris</translation>
    </message>
    <message>
        <source>{count} test(s), the latest on {day}</source>
        <translation>{count} test(s), le dernier le {day}</translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <source>Edit post</source>
        <translation>Modifier la publication</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Nouvelle publication</translation>
    </message>
    <message>
        <source>Add a client on the Clients page first.</source>
        <translation>Ajoutez d’abord un client sur la page Clients.</translation>
    </message>
    <message>
        <source>{client} has no channel yet: add one on the Clients page.</source>
        <translation>{client} n’a pas encore de canal&#xa0;: ajoutez-en un sur la page Clients.</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Choose a client and one of its channels.</source>
        <translation>Choisissez un client et l’un de ses canaux.</translation>
    </message>
    <message>
        <source>Write the text of the post.</source>
        <translation>Écrivez le texte de la publication.</translation>
    </message>
    <message>
        <source>The text is over the {limit}-character limit of {network}: shorten it or save it as a draft.</source>
        <translation>Le texte dépasse la limite de {limit} caractères de {network}&#xa0;: raccourcissez-le ou enregistrez-le comme brouillon.</translation>
    </message>
    <message>
        <source>The link must be a web address starting with http:// or https://.</source>
        <translation>Le lien doit être une adresse web commençant par http:// ou https://.</translation>
    </message>
    <message>
        <source>Fix the date and time above.</source>
        <translation>Corrigez la date et l’heure ci-dessus.</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} caractères</translation>
    </message>
    <message>
        <source>{count} / {limit} — {over} over the limit</source>
        <translation>{count} / {limit} — {over} de trop</translation>
    </message>
    <message>
        <source>{count} / {limit}</source>
        <translation>{count} / {limit}</translation>
    </message>
    <message>
        <source>{zone}, in transit</source>
        <translation>{zone}, en trajet</translation>
    </message>
    <message>
        <source>= {cm_time} your time ({where}), {utc_time} UTC</source>
        <translation>= {cm_time} votre heure ({where}), {utc_time} UTC</translation>
    </message>
    <message>
        <source>= {cm_time} {member}&apos;s time ({where}), {utc_time} UTC</source>
        <translation>= {cm_time} pour {member} ({where}), {utc_time} UTC</translation>
    </message>
    <message>
        <source>first</source>
        <translation>première</translation>
    </message>
    <message>
        <source>second</source>
        <translation>deuxième</translation>
    </message>
    <message>
        <source>{time} happens twice that night; the {which} occurrence is used.</source>
        <translation>{time} arrive deux fois cette nuit-là&#xa0;: c’est la {which} qui est retenue.</translation>
    </message>
</context>
<context>
    <name>PostDialogView</name>
    <message>
        <source>Where can I work then?</source>
        <translation>Où travailler à ce moment-là&#xa0;?</translation>
    </message>
    <message>
        <source>Workplaces near you and open when this post goes out</source>
        <translation>Lieux de travail proches de vous et ouverts quand cette publication part</translation>
    </message>
    <message>
        <source>What will the post say?</source>
        <translation>Que dira la publication&#xa0;?</translation>
    </message>
    <message>
        <source>launch, promo (separated by commas)</source>
        <translation>lancement, promo (séparés par des virgules)</translation>
    </message>
    <message>
        <source>Notes for yourself (not published)</source>
        <translation>Notes pour vous (non publiées)</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Client&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>C&amp;anal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Quand&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Répéter&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Lien&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>&amp;Étiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Ass&amp;igned to:</source>
        <translation>Con&amp;fiée à&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PostVersions</name>
    <message>
        <source>Text:</source>
        <translation>Texte&#xa0;:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Lien&#xa0;:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Heure&#xa0;:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Étiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Fuseau</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>PreviousCrashDialog</name>
    <message>
        <source>NomadCM closed unexpectedly</source>
        <translation>NomadCM s’est fermé de façon inattendue</translation>
    </message>
    <message>
        <source>The last time, NomadCM stopped without warning. Your data is safe: every change was saved as you made it. If you report the problem, include the details below; they contain no posts or personal data, only where the program was.</source>
        <translation>La dernière fois, NomadCM s’est arrêté sans prévenir. Vos données sont en sécurité&#xa0;: chaque modification a été enregistrée au fur et à mesure. Si vous signalez le problème, joignez les détails ci-dessous&#xa0;; ils ne contiennent ni publication ni donnée personnelle, seulement l’endroit où en était le programme.</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>Rapport de plantage</translation>
    </message>
    <message>
        <source>The report is saved in {path}</source>
        <translation>Le rapport est enregistré dans {path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Ouvrir le dossier des journaux</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <source>Posting slots (queue)</source>
        <translation>Créneaux de publication (file d’attente)</translation>
    </message>
    <message>
        <source>e.g. Mo-Fr 09:00,18:00; Sa 10:00</source>
        <translation>p. ex. Mo-Fr 09:00,18:00; Sa 10:00</translation>
    </message>
    <message>
        <source>&amp;Save slots</source>
        <translation>&amp;Enregistrer les créneaux</translation>
    </message>
    <message>
        <source>&amp;New post in the next free slot…</source>
        <translation>&amp;Nouvelle publication au prochain créneau libre…</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Canal&#xa0;:</translation>
    </message>
    <message>
        <source>Sl&amp;ots:</source>
        <translation>C&amp;réneaux&#xa0;:</translation>
    </message>
    <message>
        <source>Add a client and a channel first.</source>
        <translation>Ajoutez d’abord un client et un canal.</translation>
    </message>
    <message>
        <source>Times in the audience&apos;s zone: {zone}</source>
        <translation>Heures dans le fuseau de l’audience&#xa0;: {zone}</translation>
    </message>
    <message>
        <source>No slot yet: type the weekly times above.</source>
        <translation>Pas encore de créneau&#xa0;: saisissez les horaires de la semaine ci-dessus.</translation>
    </message>
    <message numerus="yes">
        <source>%n free slot(s) in the next two weeks.</source>
        <translation>
            <numerusform>%n créneau libre dans les deux prochaines semaines.</numerusform>
            <numerusform>%n créneaux libres dans les deux prochaines semaines.</numerusform>
        </translation>
    </message>
    <message>
        <source>No free slot in the next two weeks.</source>
        <translation>Aucun créneau libre dans les deux prochaines semaines.</translation>
    </message>
    <message>
        <source>Slots:</source>
        <translation>Créneaux&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RecurrenceEditor</name>
    <message>
        <source>Repeat</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>An RFC 5545 rule (RRULE), e.g. FREQ=YEARLY;BYMONTH=11;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29 or FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1. FREQ=YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY or MINUTELY; INTERVAL, BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY (MO…SU, 1MO, -1FR), BYHOUR, BYMINUTE, BYSETPOS, WKST; COUNT or UNTIL. A rule repeating within a day needs an end within 1000 occurrences.</source>
        <translation>Une règle RFC 5545 (RRULE), p. ex. FREQ=YEARLY;BYMONTH=11;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29 ou FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1. FREQ=YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY ou MINUTELY&#xa0;; INTERVAL, BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY (MO…SU, 1MO, -1FR), BYHOUR, BYMINUTE, BYSETPOS, WKST&#xa0;; COUNT ou UNTIL. Une règle qui se répète dans la journée doit s’arrêter avant 1&#xa0;000 occurrences.</translation>
    </message>
    <message>
        <source>forever</source>
        <translation>sans fin</translation>
    </message>
    <message>
        <source>times in all</source>
        <translation>fois au total</translation>
    </message>
    <message>
        <source>until</source>
        <translation>jusqu’au</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Ne se répète pas</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <source>Every weekday (Monday to Friday)</source>
        <translation>Chaque jour ouvré (du lundi au vendredi)</translation>
    </message>
    <message>
        <source>Every week on {weekday}</source>
        <translation>Chaque semaine le {weekday}</translation>
    </message>
    <message>
        <source>Every month on day {day}</source>
        <translation>Chaque mois le {day}</translation>
    </message>
    <message>
        <source>Custom rule…</source>
        <translation>Règle personnalisée…</translation>
    </message>
    <message>
        <source>Write a rule, e.g. FREQ=WEEKLY;BYDAY=MO</source>
        <translation>Écrivez une règle, p. ex. FREQ=WEEKLY;BYDAY=MO</translation>
    </message>
    <message>
        <source>With this INTERVAL, the rule never reaches its BYHOUR or BYMINUTE from {time}.</source>
        <translation>Avec cet INTERVAL, la règle n’atteint jamais ses BYHOUR ou BYMINUTE à partir de {time}.</translation>
    </message>
    <message>
        <source>Next occurrences (audience time → your time):</source>
        <translation>Prochaines occurrences (heure de l’audience → votre heure)&#xa0;:</translation>
    </message>
    <message>
        <source>{time} does not exist on {day} (clocks jump forward): it goes out at {moved}.</source>
        <translation>{time} n’existe pas le {day} (passage à l’heure d’été)&#xa0;: elle part à {moved}.</translation>
    </message>
    <message>
        <source>{time} happens twice on {day} (clocks go back): the first one is used.</source>
        <translation>{time} arrive deux fois le {day} (passage à l’heure d’hiver)&#xa0;: c’est la première qui est retenue.</translation>
    </message>
    <message>
        <source>This rule gives no occurrence from the chosen date.</source>
        <translation>Cette règle ne donne aucune occurrence à partir de la date choisie.</translation>
    </message>
</context>
<context>
    <name>ReminderPopup</name>
    <message>
        <source>Posts to publish</source>
        <translation>Publications à mettre en ligne</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Copier le texte</translation>
    </message>
    <message>
        <source>Mark &amp;published</source>
        <translation>Marquer comme &amp;publiée</translation>
    </message>
    <message>
        <source>&amp;Snooze {minutes} min</source>
        <translation>&amp;Rappeler dans {minutes} min</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Ignorer</translation>
    </message>
    <message>
        <source>{when} — {client}, {channel}</source>
        <translation>{when} — {client}, {channel}</translation>
    </message>
    <message>
        <source>Missed: {label}</source>
        <translation>Manquée&#xa0;: {label}</translation>
    </message>
    <message>
        <source>{time} in the audience&apos;s zone ({zone})</source>
        <translation>{time} dans le fuseau de l’audience ({zone})</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) to publish by hand. Copy the text, publish it, then mark it published.</source>
        <translation>
            <numerusform>%n publication à publier à la main. Copiez le texte, publiez-le, puis marquez-la comme publiée.</numerusform>
            <numerusform>%n publications à publier à la main. Copiez le texte, publiez-le, puis marquez-les comme publiées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RhythmDialog</name>
    <message>
        <source>Your rhythm</source>
        <translation>Votre rythme</translation>
    </message>
    <message>
        <source>Days and hours, several rules separated by &apos;;&apos;, e.g. “Mo-Th 09:00-17:00; Fr 09:00-12:00”. Days: Mo Tu We Th Fr Sa Su (or Lu Ma Me Je Ve Sa Di). “off”: no working hours.</source>
        <translation>Jours et heures, plusieurs règles séparées par «&#xa0;;&#xa0;», p. ex. «&#xa0;Lu-Je 09:00-17:00; Ve 09:00-12:00&#xa0;». Jours&#xa0;: Lu Ma Me Je Ve Sa Di (ou Mo Tu We Th Fr Sa Su). «&#xa0;off&#xa0;»&#xa0;: pas d’heures de travail.</translation>
    </message>
    <message>
        <source>These follow you: wherever your itinerary puts you, they are read on the local clock there. Outside stays and transits you are at home.</source>
        <translation>Ces horaires vous suivent&#xa0;: où que votre itinéraire vous place, ils se lisent à l’heure locale. En dehors des séjours et des trajets, vous êtes chez vous.</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>Sommeil</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Heures de travail</translation>
    </message>
    <message>
        <source>Home time zone</source>
        <translation>Fuseau horaire de résidence</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>{day}: {hours}</source>
        <translation>{day}&#xa0;: {hours}</translation>
    </message>
    <message>
        <source>Choose your home time zone.</source>
        <translation>Choisissez votre fuseau horaire de résidence.</translation>
    </message>
    <message numerus="yes">
        <source>Asleep from {start} to {end}, %n hour(s).</source>
        <translation>
            <numerusform>Sommeil de {start} à {end}, %n heure.</numerusform>
            <numerusform>Sommeil de {start} à {end}, %n heures.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RhythmPage</name>
    <message>
        <source>Asleep {sleep}; working {work}.</source>
        <translation>Sommeil&#xa0;: {sleep}&#xa0;; travail&#xa0;: {work}.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>A start and an end must differ.</source>
        <translation>Le début et la fin doivent être différents.</translation>
    </message>
    <message>
        <source>Your rhythm</source>
        <translation>Votre rythme</translation>
    </message>
    <message>
        <source>Posts planned while you sleep or outside your working hours are flagged, wherever you are.</source>
        <translation>Les publications prévues pendant votre sommeil ou hors de vos heures de travail sont signalées, où que vous soyez.</translation>
    </message>
    <message>
        <source>Asleep</source>
        <translation>Sommeil</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Jours de travail</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Heures de travail</translation>
    </message>
    <message>
        <source>Bedtime</source>
        <translation>Heure du coucher</translation>
    </message>
    <message>
        <source>Wake-up time</source>
        <translation>Heure du réveil</translation>
    </message>
    <message>
        <source>Start of the working day</source>
        <translation>Début de la journée de travail</translation>
    </message>
    <message>
        <source>End of the working day</source>
        <translation>Fin de la journée de travail</translation>
    </message>
</context>
<context>
    <name>SampleData</name>
    <message>
        <source>Preparing a month of sample data…</source>
        <translation>Préparation d’un mois de données d’exemple…</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>Données d’exemple</translation>
    </message>
</context>
<context>
    <name>SaveTarget</name>
    <message>
        <source>No file name was given.</source>
        <translation>Aucun nom de fichier n’a été indiqué.</translation>
    </message>
    <message>
        <source>The name ends with a slash, as a folder&apos;s does: give a file name.</source>
        <translation>Le nom se termine par une barre oblique, comme celui d’un dossier&#xa0;: indiquez un nom de fichier.</translation>
    </message>
    <message>
        <source>It is a folder.</source>
        <translation>C’est un dossier.</translation>
    </message>
    <message>
        <source>It is a device, not a file.</source>
        <translation>C’est un périphérique, pas un fichier.</translation>
    </message>
    <message>
        <source>It is a named pipe, not a file.</source>
        <translation>C’est un tube nommé, pas un fichier.</translation>
    </message>
    <message>
        <source>It is a socket, not a file.</source>
        <translation>C’est un socket, pas un fichier.</translation>
    </message>
    <message>
        <source>It is not a regular file.</source>
        <translation>Ce n’est pas un fichier ordinaire.</translation>
    </message>
    <message>
        <source>It is a symbolic link that loops.</source>
        <translation>C’est un lien symbolique qui boucle sur lui-même.</translation>
    </message>
    <message>
        <source>The file is read-only.</source>
        <translation>Le fichier est en lecture seule.</translation>
    </message>
    <message>
        <source>You are not allowed to write this file.</source>
        <translation>Vous n’avez pas le droit d’écrire dans ce fichier.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Le dossier {folder} n’existe pas.</translation>
    </message>
    <message>
        <source>You are not allowed to write in the folder {folder}.</source>
        <translation>Vous n’avez pas le droit d’écrire dans le dossier {folder}.</translation>
    </message>
    <message>
        <source>It is the NomadCM database that is open: saving there would destroy it.</source>
        <translation>C’est la base de données ouverte dans NomadCM&#xa0;: enregistrer à cet endroit la détruirait.</translation>
    </message>
    <message>
        <source>It is a working file of the NomadCM database that is open.</source>
        <translation>C’est un fichier de travail de la base de données ouverte dans NomadCM.</translation>
    </message>
    <message>
        <source>It is in the folder of the database&apos;s backups.</source>
        <translation>Il se trouve dans le dossier des sauvegardes de la base de données.</translation>
    </message>
    <message>
        <source>It is a database, not an export: saving there would destroy it.</source>
        <translation>C’est une base de données, pas un export&#xa0;: enregistrer à cet endroit la détruirait.</translation>
    </message>
    <message>
        <source>NomadCM will not write {path}.
{reason}</source>
        <translation>NomadCM n’écrira pas {path}.
{reason}</translation>
    </message>
    <message>
        <source>Cannot save here</source>
        <translation>Impossible d’enregistrer ici</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>Audience time</source>
        <translation>Heure de l’audience</translation>
    </message>
    <message>
        <source>Your time</source>
        <translation>Votre heure</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>When the post goes out, in the zone it was planned in (the client&apos;s audience)</source>
        <translation>L’heure de sortie de la publication, dans le fuseau où elle a été prévue (l’audience du client)</translation>
    </message>
    <message>
        <source>The same moment on your clock, wherever your itinerary puts you then</source>
        <translation>Le même moment à votre heure, là où votre itinéraire vous place à ce moment-là</translation>
    </message>
    <message>
        <source>The same moment in UTC</source>
        <translation>Le même moment en UTC</translation>
    </message>
    <message>
        <source>Posts going out while you sleep, travel, are off, or on a public holiday</source>
        <translation>Publications qui partent pendant votre sommeil, un trajet, hors de vos heures ou un jour férié</translation>
    </message>
    <message>
        <source>First line of the text</source>
        <translation>Première ligne du texte</translation>
    </message>
    <message>
        <source>{mark} Repeats: {rule}</source>
        <translation>{mark} Se répète&#xa0;: {rule}</translation>
    </message>
    <message>
        <source>{mark} One occurrence of a repeating post</source>
        <translation>{mark} Une occurrence d’une publication récurrente</translation>
    </message>
    <message>
        <source>This occurrence was changed on its own; the rest of the series was not.</source>
        <translation>Cette occurrence a été modifiée seule&#xa0;; le reste de la série ne l’a pas été.</translation>
    </message>
    <message>
        <source>in transit from {place}</source>
        <translation>en trajet depuis {place}</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>en trajet</translation>
    </message>
    <message>
        <source>at home</source>
        <translation>chez vous</translation>
    </message>
    <message>
        <source>{when} — {zone}, {where}</source>
        <translation>{when} — {zone}, {where}</translation>
    </message>
    <message>
        <source>{member}&apos;s time (the post is assigned to {member})</source>
        <translation>L’heure pour {member} (la publication lui est confiée)</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>All clients</source>
        <translation>Tous les clients</translation>
    </message>
    <message>
        <source>No client yet</source>
        <translation>Pas encore de client</translation>
    </message>
    <message>
        <source>A post is for a client&apos;s channel. Add your first client on the Clients page.</source>
        <translation>Une publication est destinée au canal d’un client. Ajoutez votre premier client sur la page Clients.</translation>
    </message>
    <message>
        <source>Post saved.</source>
        <translation>Publication enregistrée.</translation>
    </message>
    <message>
        <source>Edit a repeating post</source>
        <translation>Modifier une publication récurrente</translation>
    </message>
    <message>
        <source>Save the changes to which occurrences?</source>
        <translation>Appliquer les modifications à quelles occurrences&#xa0;?</translation>
    </message>
    <message>
        <source>Not saved: choose which occurrences to change.</source>
        <translation>Non enregistré&#xa0;: choisissez les occurrences à modifier.</translation>
    </message>
    <message>
        <source>Post saved — Ctrl+Z puts it back.</source>
        <translation>Publication enregistrée — Ctrl+Z annule la modification.</translation>
    </message>
    <message>
        <source>Post saved; the filters hide it.</source>
        <translation>Publication enregistrée&#xa0;; les filtres la masquent.</translation>
    </message>
    <message>
        <source>Post deleted — Ctrl+Z brings it back.</source>
        <translation>Publication supprimée — Ctrl+Z pour la récupérer.</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) deleted — Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>%n publication supprimée — Ctrl+Z pour la récupérer.</numerusform>
            <numerusform>%n publications supprimées — Ctrl+Z pour les récupérer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete which occurrences of this repeating post?</source>
        <translation>Supprimer quelles occurrences de cette publication récurrente&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrence(s) of repeating posts are selected. Delete only these, these and the following ones, or every occurrence of their series?</source>
        <translation>
            <numerusform>%n occurrence de publication récurrente est sélectionnée. Supprimer seulement celle-ci, celle-ci et les suivantes, ou toutes les occurrences de sa série&#xa0;?</numerusform>
            <numerusform>%n occurrences de publications récurrentes sont sélectionnées. Supprimer seulement celles-ci, celles-ci et les suivantes, ou toutes les occurrences de leurs séries&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n single post(s) selected will be deleted too.</source>
        <translation>
            <numerusform>La publication non récurrente sélectionnée sera également supprimée.</numerusform>
            <numerusform>Les %n publications non récurrentes sélectionnées seront également supprimées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete a repeating post</source>
        <translation>Supprimer une publication récurrente</translation>
    </message>
    <message>
        <source>Deleted — Ctrl+Z brings it back.</source>
        <translation>Supprimée — Ctrl+Z pour la récupérer.</translation>
    </message>
    <message>
        <source>Status set to {status} on the selected occurrences only; the rest of their series keeps its own — Ctrl+Z puts it back.</source>
        <translation>Statut «&#xa0;{status}&#xa0;» appliqué aux seules occurrences sélectionnées&#xa0;; le reste de leur série garde le sien — Ctrl+Z annule.</translation>
    </message>
</context>
<context>
    <name>SchedulePageView</name>
    <message>
        <source>Search the text…</source>
        <translation>Rechercher dans le texte…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>From today on</source>
        <translation>À partir d’aujourd’hui</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Dates are the audience&apos;s local dates</source>
        <translation>Les dates sont celles de l’audience (heure locale)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>First audience date</source>
        <translation>Première date (audience)</translation>
    </message>
    <message>
        <source>Last audience date</source>
        <translation>Dernière date (audience)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Nouvelle publication</translation>
    </message>
    <message>
        <source>Plan a new post (Ctrl+N)</source>
        <translation>Planifier une nouvelle publication (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected posts (Del); Ctrl+Z brings them back</source>
        <translation>Supprimer les publications sélectionnées (Suppr)&#xa0;; Ctrl+Z pour les récupérer</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Where can I work then?</source>
        <translation>Où travailler à ce moment-là&#xa0;?</translation>
    </message>
    <message>
        <source>Workplaces near you and open when this post goes out</source>
        <translation>Lieux de travail proches de vous et ouverts quand cette publication part</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n publication</numerusform>
            <numerusform>%n publications</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} posts shown — scroll for more</source>
        <translation>{shown} publications affichées — faites défiler pour voir la suite</translation>
    </message>
    <message>
        <source>{shown} of {total} posts shown — scroll for more</source>
        <translation>{shown} publications sur {total} affichées — faites défiler pour voir la suite</translation>
    </message>
    <message>
        <source>Welcome! Start by adding a client and their channels, then plan their posts here.</source>
        <translation>Bienvenue&#xa0;! Commencez par ajouter un client et ses canaux, puis planifiez ses publications ici.</translation>
    </message>
    <message>
        <source>Add a client</source>
        <translation>Ajouter un client</translation>
    </message>
    <message>
        <source>No post matches these filters.</source>
        <translation>Aucune publication ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>No post for this client yet.</source>
        <translation>Pas encore de publication pour ce client.</translation>
    </message>
    <message>
        <source>No post planned yet.</source>
        <translation>Aucune publication prévue pour l’instant.</translation>
    </message>
    <message>
        <source>Plan a post</source>
        <translation>Planifier une publication</translation>
    </message>
    <message>
        <source>Set status (these occurrences only)</source>
        <translation>Changer le statut (ces occurrences seulement)</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Changer le statut</translation>
    </message>
    <message>
        <source>A repeating post&apos;s occurrence gets the status alone; its other occurrences keep theirs.</source>
        <translation>L’occurrence d’une publication récurrente change de statut seule&#xa0;; ses autres occurrences gardent le leur.</translation>
    </message>
</context>
<context>
    <name>ScreenTimerWidget</name>
    <message>
        <source>Device to time</source>
        <translation>Appareil à chronométrer</translation>
    </message>
    <message>
        <source>Client of this screen time</source>
        <translation>Client de ce temps d’écran</translation>
    </message>
    <message>
        <source>Screen timer:</source>
        <translation>Minuteur d’écran&#xa0;:</translation>
    </message>
    <message>
        <source>no client</source>
        <translation>aucun client</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Home and rhythm</source>
        <translation>Résidence et rythme</translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <translation>Bien-être</translation>
    </message>
    <message>
        <source>Post reminders</source>
        <translation>Rappels de publication</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>A new language shows the next time NomadCM starts.</source>
        <translation>Le changement de langue prend effet au prochain démarrage de NomadCM.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Selon le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apparence</translation>
    </message>
    <message>
        <source>Usual in your region ({day})</source>
        <translation>Selon votre région ({day})</translation>
    </message>
    <message>
        <source>First day of the week</source>
        <translation>Premier jour de la semaine</translation>
    </message>
    <message>
        <source>&amp;First day of the week</source>
        <translation>&amp;Premier jour de la semaine</translation>
    </message>
    <message>
        <source>e.g. Paris</source>
        <translation>p. ex. Paris</translation>
    </message>
    <message>
        <source>Home city</source>
        <translation>Ville de résidence</translation>
    </message>
    <message>
        <source>Home &amp;city</source>
        <translation>&amp;Ville de résidence</translation>
    </message>
    <message>
        <source>Closing the window keeps NomadCM running in the tray</source>
        <translation>Fermer la fenêtre laisse NomadCM tourner dans la zone de notification</translation>
    </message>
    <message>
        <source>Post reminders and screen timers keep running while the window is closed.</source>
        <translation>Les rappels de publication et les minuteurs d’écran continuent quand la fenêtre est fermée.</translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits NomadCM.</source>
        <translation>Ce bureau n’a pas de zone de notification&#xa0;: fermer la fenêtre quitte NomadCM.</translation>
    </message>
    <message>
        <source>Nobody (working alone)</source>
        <translation>Personne (je travaille en solo)</translation>
    </message>
    <message>
        <source>You are</source>
        <translation>Vous êtes</translation>
    </message>
    <message>
        <source>&amp;You are</source>
        <translation>V&amp;ous êtes</translation>
    </message>
    <message>
        <source>Remind me when a post is due, so I can publish it by hand</source>
        <translation>Me prévenir quand une publication arrive, pour la publier à la main</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> min avant</translation>
    </message>
    <message>
        <source>Minutes before a post is due</source>
        <translation>Minutes avant l’heure d’une publication</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Quand</translation>
    </message>
    <message>
        <source>Posts missed while NomadCM was closed are listed at the next start. Nothing is ever published for you.</source>
        <translation>Les publications manquées pendant que NomadCM était fermé sont listées au démarrage suivant. Rien n’est jamais publié à votre place.</translation>
    </message>
    <message>
        <source>Choose your home time zone.</source>
        <translation>Choisissez votre fuseau horaire de résidence.</translation>
    </message>
</context>
<context>
    <name>SlotTableModel</name>
    <message>
        <source>Audience time</source>
        <translation>Heure de l’audience</translation>
    </message>
    <message>
        <source>Your time</source>
        <translation>Votre heure</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Créneau</translation>
    </message>
    <message>
        <source>(moved by DST)</source>
        <translation>(décalé par le changement d’heure)</translation>
    </message>
    <message>
        <source>free</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>taken: {text}</source>
        <translation>pris&#xa0;: {text}</translation>
    </message>
</context>
<context>
    <name>SpeedChart</name>
    <message>
        <source>Speed tests over time</source>
        <translation>Évolution des tests de débit</translation>
    </message>
    <message>
        <source>Median: {down} down, {up} up (Mbit/s), over {count} test(s)</source>
        <translation>Médiane&#xa0;: {down} descendant, {up} montant (Mbit/s), sur {count} test(s)</translation>
    </message>
    <message>
        <source>No speed test yet</source>
        <translation>Pas encore de test de débit</translation>
    </message>
    <message>
        <source>● Download</source>
        <translation>● Descendant</translation>
    </message>
    <message>
        <source>● Upload</source>
        <translation>● Montant</translation>
    </message>
    <message>
        <source>Mbit/s over time</source>
        <translation>Mbit/s au fil du temps</translation>
    </message>
</context>
<context>
    <name>SpeedTestDialog</name>
    <message>
        <source>Speed test at {name}</source>
        <translation>Test de débit à {name}</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>non mesuré</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Débit descendant</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Débit montant</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>Measured with</source>
        <translation>Mesuré avec</translation>
    </message>
    <message>
        <source>Tests are never overwritten: the place shows the median of all of them.</source>
        <translation>Les tests ne sont jamais écrasés&#xa0;: le lieu affiche la médiane de tous.</translation>
    </message>
    <message>
        <source>Choose a valid date, time and zone.</source>
        <translation>Choisissez une date, une heure et un fuseau valides.</translation>
    </message>
</context>
<context>
    <name>SpeedTestsModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Down (Mbit/s)</source>
        <translation>↓ Mbit/s</translation>
    </message>
    <message>
        <source>Up (Mbit/s)</source>
        <translation>↑ Mbit/s</translation>
    </message>
    <message>
        <source>Ping (ms)</source>
        <translation>Ping (ms)</translation>
    </message>
    <message>
        <source>Measured with</source>
        <translation>Mesuré avec</translation>
    </message>
</context>
<context>
    <name>StaleEdit</name>
    <message>
        <source>another session</source>
        <translation>une autre session</translation>
    </message>
    <message>
        <source>Changed by {who} while you were editing it.</source>
        <translation>Modifié par {who} pendant que vous le modifiiez.</translation>
    </message>
    <message>
        <source>Changed by {who} on {when} while you were editing it.</source>
        <translation>Modifié par {who} le {when} pendant que vous le modifiiez.</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>Modifié entre-temps</translation>
    </message>
    <message>
        <source>Reload shows what is saved now and keeps what you typed on screen. Overwrite saves yours over their change.</source>
        <translation>Recharger affiche ce qui est enregistré maintenant et garde à l’écran ce que vous avez saisi. Écraser enregistre votre version par-dessus l’autre modification.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>É&amp;craser</translation>
    </message>
    <message>
        <source>Reloaded: what is saved now is what you had typed.</source>
        <translation>Rechargé&#xa0;: ce qui est enregistré est bien ce que vous aviez saisi.</translation>
    </message>
    <message>
        <source>Reloaded. What you had typed:</source>
        <translation>Rechargé. Ce que vous aviez saisi&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programmée</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
</context>
<context>
    <name>StayDialog</name>
    <message>
        <source>Edit stay</source>
        <translation>Modifier le séjour</translation>
    </message>
    <message>
        <source>New stay</source>
        <translation>Nouveau séjour</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Country code</source>
        <translation>Code pays</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Type the city you stay in.</source>
        <translation>Saisissez la ville où vous séjournez.</translation>
    </message>
    <message>
        <source>Choose the time zone of {city}.</source>
        <translation>Choisissez le fuseau horaire de {city}.</translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation>Le dernier jour précède le premier.</translation>
    </message>
    <message>
        <source>This stay overlaps {place} ({first} – {last}) by {days} days: two stays may share only one day, the day you travel between them.</source>
        <translation>Ce séjour empiète de {days} jours sur {place} ({first} – {last})&#xa0;: deux séjours ne peuvent partager qu’un jour, celui où vous voyagez de l’un à l’autre.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s), from {start} to {end} (your clock follows {zone}).</source>
        <translation>
            <numerusform>%n jour, du {start} au {end} (votre heure suit {zone}).</numerusform>
            <numerusform>%n jours, du {start} au {end} (votre heure suit {zone}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubscribeDialog</name>
    <message>
        <source>Subscribe to a calendar</source>
        <translation>S’abonner à un calendrier</translation>
    </message>
    <message>
        <source>The address of {client}&apos;s calendar in iCalendar format (https://… or webcal://…). NomadCM downloads it now, then again when you are online; without a connection it uses the last copy.</source>
        <translation>L’adresse du calendrier de {client} au format iCalendar (https://… ou webcal://…). NomadCM le télécharge maintenant, puis de nouveau quand vous êtes en ligne&#xa0;; sans connexion, il utilise la dernière copie.</translation>
    </message>
    <message>
        <source>(the calendar&apos;s own name)</source>
        <translation>(le nom donné par le calendrier)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Paste the calendar&apos;s address.</source>
        <translation>Collez l’adresse du calendrier.</translation>
    </message>
    <message>
        <source>It is downloaded when you press OK.</source>
        <translation>Il sera téléchargé quand vous cliquerez sur OK.</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>{task}: finished.</source>
        <translation>{task}&#xa0;: terminé.</translation>
    </message>
    <message>
        <source>{task}: cancelled, nothing was written.</source>
        <translation>{task}&#xa0;: annulé, rien n’a été écrit.</translation>
    </message>
    <message>
        <source>{task}: failed — {reason}</source>
        <translation>{task}&#xa0;: échec — {reason}</translation>
    </message>
    <message>
        <source>{task}: stopped on an unexpected error.</source>
        <translation>{task}&#xa0;: arrêté sur une erreur inattendue.</translation>
    </message>
</context>
<context>
    <name>TeamDatabaseDialog</name>
    <message>
        <source>Open team database</source>
        <translation>Ouvrir une base d’équipe</translation>
    </message>
    <message>
        <source>A database shared by your team on a PostgreSQL server. Leave the password empty when it is in PGPASSWORD or ~/.pgpass: NomadCM asks for it if the server wants one. It is never saved.</source>
        <translation>Une base de données partagée par votre équipe sur un serveur PostgreSQL. Laissez le mot de passe vide s’il se trouve dans PGPASSWORD ou ~/.pgpass&#xa0;: NomadCM le demandera si le serveur en exige un. Il n’est jamais enregistré.</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>&amp;URL du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>This is a file, not a server: use File &gt; Quit and open it instead.</source>
        <translation>C’est un fichier, pas un serveur&#xa0;: quittez NomadCM (Fichier &gt; Quitter), puis ouvrez-le.</translation>
    </message>
    <message>
        <source>Type the server&apos;s URL, for example postgresql://me@server.example/team</source>
        <translation>Saisissez l’URL du serveur, par exemple postgresql://moi@serveur.example/equipe</translation>
    </message>
</context>
<context>
    <name>TimerController</name>
    <message>
        <source>The {device} timer ran for more than 24 hours and was not logged: add the real screen time with Add…</source>
        <translation>Le minuteur «&#xa0;{device}&#xa0;» a tourné plus de 24 heures et n’a pas été enregistré&#xa0;: ajoutez le vrai temps d’écran avec Ajouter…</translation>
    </message>
</context>
<context>
    <name>TransitDialog</name>
    <message>
        <source>Edit transit</source>
        <translation>Modifier le trajet</translation>
    </message>
    <message>
        <source>New transit</source>
        <translation>Nouveau trajet</translation>
    </message>
    <message>
        <source>Flight number, booking reference…</source>
        <translation>Numéro de vol, référence de réservation…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Départ de</translation>
    </message>
    <message>
        <source>Departure (local time there)</source>
        <translation>Départ (heure locale sur place)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Arrivée à</translation>
    </message>
    <message>
        <source>Arrival (local time there)</source>
        <translation>Arrivée (heure locale sur place)</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Type where you leave from and where you arrive.</source>
        <translation>Saisissez votre lieu de départ et votre lieu d’arrivée.</translation>
    </message>
    <message>
        <source>Fix the departure and arrival times above.</source>
        <translation>Corrigez les heures de départ et d’arrivée ci-dessus.</translation>
    </message>
    <message>
        <source>The arrival ({arrive}) is not after the departure ({depart}).</source>
        <translation>L’arrivée ({arrive}) n’est pas postérieure au départ ({depart}).</translation>
    </message>
    <message>
        <source>This overlaps your {kind} {route} ({depart} – {arrive}).</source>
        <translation>Ce trajet chevauche votre {kind} {route} ({depart} – {arrive}).</translation>
    </message>
    <message>
        <source>Leaves {depart}, arrives {arrive}: {length} on the way. Until you arrive, your clock stays on {zone}.</source>
        <translation>Départ {depart}, arrivée {arrive}&#xa0;: {length} de trajet. Jusqu’à l’arrivée, votre heure reste celle de {zone}.</translation>
    </message>
</context>
<context>
    <name>Travel</name>
    <message>
        <source>{line} — acknowledged</source>
        <translation>{line} — validé</translation>
    </message>
    <message>
        <source>Flight</source>
        <translation>Vol</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Train</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>Voiture</translation>
    </message>
    <message>
        <source>Boat</source>
        <translation>Bateau</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>While {who} sleeps</source>
        <translation>{who} dort</translation>
    </message>
    <message>
        <source>While {who} travels</source>
        <translation>{who} en trajet</translation>
    </message>
    <message>
        <source>While you sleep</source>
        <translation>Pendant votre sommeil</translation>
    </message>
    <message>
        <source>While you travel</source>
        <translation>Pendant un trajet</translation>
    </message>
    <message>
        <source>Outside working hours</source>
        <translation>Hors des heures de travail</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Jour férié</translation>
    </message>
    <message>
        <source>No known WiFi</source>
        <translation>Pas de Wi-Fi connu</translation>
    </message>
    <message>
        <source>Client closed</source>
        <translation>Fermeture du client</translation>
    </message>
    <message>
        <source>While you sleep: {time} for you ({zone}), sleep window {window}</source>
        <translation>Pendant votre sommeil&#xa0;: {time} pour vous ({zone}), plage de sommeil&#xa0;: {window}</translation>
    </message>
    <message>
        <source>While you travel: {route}, {time} for you ({zone})</source>
        <translation>Pendant un trajet&#xa0;: {route}, {time} pour vous ({zone})</translation>
    </message>
    <message>
        <source>Outside your working hours: {time} for you ({zone}); hours {hours}</source>
        <translation>Hors de vos heures de travail&#xa0;: {time} pour vous ({zone})&#xa0;; horaires&#xa0;: {hours}</translation>
    </message>
    <message>
        <source>Public holiday for the audience: {name}</source>
        <translation>Jour férié pour l’audience&#xa0;: {name}</translation>
    </message>
    <message>
        <source>No workplace with WiFi known in {place}</source>
        <translation>Aucun lieu de travail avec Wi-Fi connu à {place}</translation>
    </message>
    <message>
        <source>During the client&apos;s closure or blackout: {event}</source>
        <translation>Pendant une fermeture ou une période de silence du client&#xa0;: {event}</translation>
    </message>
    <message>
        <source>While {who} sleeps: {time} for {who} ({zone}), sleep window {window}</source>
        <translation>{who} dort&#xa0;: {time} pour {who} ({zone}), plage de sommeil&#xa0;: {window}</translation>
    </message>
    <message>
        <source>While {who} travels: {route}, {time} for {who} ({zone})</source>
        <translation>{who} en trajet&#xa0;: {route}, {time} pour {who} ({zone})</translation>
    </message>
    <message>
        <source>Outside {who}&apos;s working hours: {time} for {who} ({zone}); hours {hours}</source>
        <translation>{who} hors de ses heures de travail&#xa0;: {time} pour {who} ({zone})&#xa0;; horaires&#xa0;: {hours}</translation>
    </message>
    <message>
        <source>{a} and {b} both include {day}, but no transit that day says when you move: add it so that your time is right that day.</source>
        <translation>{a} et {b} incluent tous deux le {day}, mais aucun trajet ce jour-là n’indique quand vous changez de lieu&#xa0;: ajoutez-le pour que votre heure soit juste ce jour-là.</translation>
    </message>
    <message>
        <source>No transit between {a} (until {first}) and {b} (from {last}): add it so that your time is right while you travel.</source>
        <translation>Aucun trajet entre {a} (jusqu’au {first}) et {b} (à partir du {last})&#xa0;: ajoutez-le pour que votre heure soit juste pendant le voyage.</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <source>Nothing planned on {span}, between {a} and {b}: your home zone ({zone}) is used.</source>
        <translation>Rien de prévu {span}, entre {a} et {b}&#xa0;: votre fuseau de résidence ({zone}) s’applique.</translation>
    </message>
    <message>
        <source>Your {transit} leaves from {a} on {day}, but you are staying in {b} then.</source>
        <translation>Votre {transit} part de {a} le {day}, mais vous séjournez alors à {b}.</translation>
    </message>
    <message>
        <source>Your {transit} arrives in {a} on {day}, but you are staying in {b} then.</source>
        <translation>Votre {transit} arrive à {a} le {day}, mais vous séjournez alors à {b}.</translation>
    </message>
    <message>
        <source>None of your workplaces with WiFi is in {a} for your stay from {first} to {last}: add one, or put places to try on its checklist.</source>
        <translation>Aucun de vos lieux de travail avec Wi-Fi n’est à {a} pour votre séjour du {first} au {last}&#xa0;: ajoutez-en un, ou mettez des lieux à tester sur sa liste.</translation>
    </message>
</context>
<context>
    <name>TravelPage</name>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message numerus="yes">
        <source>To look at (%n)</source>
        <translation>
            <numerusform>À vérifier (%n)</numerusform>
            <numerusform>À vérifier (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>in transit from {place}</source>
        <translation>en trajet depuis {place}</translation>
    </message>
    <message>
        <source>at home</source>
        <translation>chez vous</translation>
    </message>
    <message>
        <source>in {place}</source>
        <translation>à {place}</translation>
    </message>
    <message>
        <source>Now you are {place}: it is {time} {abbr} ({zone}).</source>
        <translation>Vous êtes actuellement {place}&#xa0;: il est {time} {abbr} ({zone}).</translation>
    </message>
    <message>
        <source>Itinerary of {member}: each member of the team keeps their own, and a post assigned to them is shown and checked at their time.</source>
        <translation>{member}, voici votre itinéraire&#xa0;: chaque membre de l’équipe a le sien, et une publication qui lui est confiée s’affiche et se vérifie à son heure.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Show in the day view</source>
        <translation>Afficher dans la vue journée</translation>
    </message>
    <message>
        <source>Stay in {place} added</source>
        <translation>Séjour à {place} ajouté</translation>
    </message>
    <message>
        <source>Transit {route} added</source>
        <translation>Trajet {route} ajouté</translation>
    </message>
    <message>
        <source>Stay in {place} deleted (Ctrl+Z brings it back)</source>
        <translation>Séjour à {place} supprimé (Ctrl+Z pour le récupérer)</translation>
    </message>
    <message>
        <source>Transit {route} deleted (Ctrl+Z brings it back)</source>
        <translation>Trajet {route} supprimé (Ctrl+Z pour le récupérer)</translation>
    </message>
</context>
<context>
    <name>TravelPageView</name>
    <message>
        <source>Itinerary</source>
        <translation>Itinéraire</translation>
    </message>
    <message>
        <source>Day view</source>
        <translation>Vue journée</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Voyages</translation>
    </message>
    <message>
        <source>New stay</source>
        <translation>Nouveau séjour</translation>
    </message>
    <message>
        <source>New transit</source>
        <translation>Nouveau trajet</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Your rhythm…</source>
        <translation>Votre rythme…</translation>
    </message>
    <message>
        <source>Sleep window, working hours and home time zone</source>
        <translation>Plage de sommeil, heures de travail et fuseau horaire de résidence</translation>
    </message>
    <message>
        <source>To look at</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>No trip yet. Add the places you stay in and the transits between them: every “your time” in NomadCM then follows you, and posts that fall while you sleep or travel are flagged.</source>
        <translation>Pas encore de voyage. Ajoutez les lieux où vous séjournez et les trajets entre eux&#xa0;: chaque «&#xa0;votre heure&#xa0;» de NomadCM vous suit alors, et les publications qui tombent pendant votre sommeil ou vos trajets sont signalées.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Due today</source>
        <translation>À publier aujourd’hui</translation>
    </message>
    <message>
        <source>&amp;Open NomadCM</source>
        <translation>&amp;Ouvrir NomadCM</translation>
    </message>
    <message>
        <source>&amp;Quit NomadCM</source>
        <translation>&amp;Quitter NomadCM</translation>
    </message>
    <message>
        <source>Nothing more to publish today</source>
        <translation>Plus rien à publier aujourd’hui</translation>
    </message>
    <message>
        <source>{time} · {client}, {network}: {text}</source>
        <translation>{time} · {client}, {network}&#xa0;: {text}</translation>
    </message>
    <message>
        <source>{post} (draft)</source>
        <translation>{post} (brouillon)</translation>
    </message>
    <message>
        <source>Next: {time} {client}</source>
        <translation>Prochaine&#xa0;: {time} {client}</translation>
    </message>
    <message>
        <source>Post to publish at {time}</source>
        <translation>Publication à mettre en ligne à {time}</translation>
    </message>
    <message>
        <source>{client}, {network}: {text}</source>
        <translation>{client}, {network}&#xa0;: {text}</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TripTimeline</name>
    <message>
        <source>Trip timeline</source>
        <translation>Frise du voyage</translation>
    </message>
    <message>
        <source>{place}: {first} – {last} ({zone})</source>
        <translation>{place}&#xa0;: {first} – {last} ({zone})</translation>
    </message>
    <message>
        <source>{kind} {route}, {day}</source>
        <translation>{kind} {route}, {day}</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>Discard your changes?</source>
        <translation>Abandonner vos modifications&#xa0;?</translation>
    </message>
    <message>
        <source>You changed this form without saving it.</source>
        <translation>Vous avez modifié ce formulaire sans l’enregistrer.</translation>
    </message>
    <message>
        <source>If you close it now, what you typed is lost.</source>
        <translation>Si vous le fermez maintenant, ce que vous avez saisi sera perdu.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to NomadCM</source>
        <translation>Bienvenue dans NomadCM</translation>
    </message>
    <message>
        <source>NomadCM plans your clients&apos; posts in their audience&apos;s time zone, follows you from city to city, and keeps an eye on your screen time and rest. A few questions and you are ready; everything can be changed later in Settings.</source>
        <translation>NomadCM planifie les publications de vos clients dans le fuseau horaire de leur audience, vous suit de ville en ville et garde un œil sur votre temps d’écran et votre repos. Quelques questions et c’est parti&#xa0;; tout se modifie ensuite dans les Paramètres.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Explore with sample data</source>
        <translation>Explorer avec des données d’exemple</translation>
    </message>
    <message>
        <source>A realistic month: three clients in Paris, Montréal and Antananarivo, a trip, workplaces and screen time — in a separate database. Your own data is not touched.</source>
        <translation>Un mois réaliste&#xa0;: trois clients à Paris, Montréal et Antananarivo, un voyage, des lieux de travail et du temps d’écran — dans une base séparée. Vos propres données restent intactes.</translation>
    </message>
</context>
<context>
    <name>Wellbeing</name>
    <message>
        <source>Laptop</source>
        <translation>Ordinateur</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Tablette</translation>
    </message>
    <message>
        <source>TV</source>
        <translation>Téléviseur</translation>
    </message>
    <message>
        <source>Other screen</source>
        <translation>Autre écran</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>Sommeil</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Jour de repos</translation>
    </message>
    <message>
        <source>Offline, with people</source>
        <translation>Hors ligne, avec du monde</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>Sport</translation>
    </message>
    <message>
        <source>Other rest</source>
        <translation>Autre repos</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>saisi</translation>
    </message>
    <message>
        <source>timer</source>
        <translation>minuteur</translation>
    </message>
    <message>
        <source>ActivityWatch</source>
        <translation>ActivityWatch</translation>
    </message>
    <message>
        <source>CSV import</source>
        <translation>import CSV</translation>
    </message>
    <message>
        <source>Sleep as Android</source>
        <translation>Sleep as Android</translation>
    </message>
    <message>
        <source>worked at a place</source>
        <translation>travail dans un lieu</translation>
    </message>
    <message>
        <source>{h} h {m:02d}</source>
        <translation>{h}&#xa0;h&#xa0;{m:02d}</translation>
    </message>
    <message>
        <source>Slept {value}, under the {goal} sleep goal</source>
        <translation>Dormi {value}, sous l’objectif de {goal}</translation>
    </message>
    <message>
        <source>Longest rest {value}, under {goal} in a row</source>
        <translation>Plus long repos {value}, sous les {goal} d’affilée</translation>
    </message>
    <message>
        <source>Screen time {value}, over the {goal} daily limit</source>
        <translation>Temps d’écran {value}, au-delà de la limite quotidienne de {goal}</translation>
    </message>
    <message>
        <source>This week&apos;s screen time reached {value}, over the {goal} weekly limit</source>
        <translation>Le temps d’écran de la semaine atteint {value}, au-delà de la limite hebdomadaire de {goal}</translation>
    </message>
    <message>
        <source>No {goal} rest this week (longest {value})</source>
        <translation>Pas de repos de {goal} cette semaine (le plus long&#xa0;: {value})</translation>
    </message>
    <message>
        <source>%n short night(s)</source>
        <translation>%n nuit(s) trop courte(s)</translation>
    </message>
    <message>
        <source>%n day(s) short of daily rest</source>
        <translation>%n jour(s) sans assez de repos</translation>
    </message>
    <message>
        <source>%n day(s) over the screen limit</source>
        <translation>%n jour(s) au-delà de la limite d’écran</translation>
    </message>
    <message>
        <source>Weekly screen limit passed</source>
        <translation>Limite d’écran de la semaine dépassée</translation>
    </message>
    <message>
        <source>No full day of rest</source>
        <translation>Aucun jour complet de repos</translation>
    </message>
    <message>
        <source>Screen timers</source>
        <translation>Minuteurs d’écran</translation>
    </message>
</context>
<context>
    <name>WellbeingFileActions</name>
    <message>
        <source>ActivityWatch</source>
        <translation>ActivityWatch</translation>
    </message>
    <message>
        <source>Which screen does this ActivityWatch track?</source>
        <translation>Quel écran cet ActivityWatch suit-il&#xa0;?</translation>
    </message>
    <message>
        <source>Import an ActivityWatch export</source>
        <translation>Importer un export ActivityWatch</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import from ActivityWatch</source>
        <translation>Importer depuis ActivityWatch</translation>
    </message>
    <message>
        <source>Address of the running ActivityWatch server:</source>
        <translation>Adresse du serveur ActivityWatch en cours d’exécution&#xa0;:</translation>
    </message>
    <message>
        <source>Import Sleep as Android nights</source>
        <translation>Importer des nuits Sleep as Android</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import from Sleep as Android</source>
        <translation>Importer depuis Sleep as Android</translation>
    </message>
    <message>
        <source>Import screen time and rest</source>
        <translation>Importer du temps d’écran et du repos</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>Impossible d’écrire {path}&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>WellbeingImportDialog</name>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <source>{task}: {summary}</source>
        <translation>{task}&#xa0;: {summary}</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Importé.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Annulé&#xa0;: rien n’a été importé.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) need fixing first.</source>
        <translation>
            <numerusform>Rien n’a été importé&#xa0;: %n ligne est à corriger d’abord.</numerusform>
            <numerusform>Rien n’a été importé&#xa0;: %n lignes sont à corriger d’abord.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
    <message>
        <source>The import stopped on an unexpected error; nothing was imported.</source>
        <translation>L’import s’est arrêté sur une erreur inattendue&#xa0;; rien n’a été importé.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>WellbeingPage</name>
    <message>
        <source>Kept in your own file on this computer: {path}</source>
        <translation>Conservé dans votre propre fichier sur cet ordinateur&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Screen time, rest and app usage never go to the team database: nobody else sees them.</source>
        <translation>Le temps d’écran, le repos et l’usage des applis ne vont jamais dans la base de l’équipe&#xa0;: personne d’autre ne les voit.</translation>
    </message>
    <message>
        <source>all goals kept so far</source>
        <translation>tous les objectifs tenus jusqu’ici</translation>
    </message>
</context>
<context>
    <name>WellbeingPageView</name>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Période suivante</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Log screen time or rest</source>
        <translation>Saisir du temps d’écran ou du repos</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>ActivityWatch export (JSON)…</source>
        <translation>Export ActivityWatch (JSON)…</translation>
    </message>
    <message>
        <source>From the running ActivityWatch…</source>
        <translation>Depuis ActivityWatch en cours d’exécution…</translation>
    </message>
    <message>
        <source>Sleep as Android (sleep-export.csv)…</source>
        <translation>Sleep as Android (sleep-export.csv)…</translation>
    </message>
    <message>
        <source>CSV: start, end, kind, device…</source>
        <translation>CSV&#xa0;: début, fin, type, appareil…</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Exporter le graphique…</translation>
    </message>
    <message>
        <source>Goals…</source>
        <translation>Objectifs…</translation>
    </message>
    <message>
        <source>This week:</source>
        <translation>Cette semaine&#xa0;:</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Applications</translation>
    </message>
</context>
<context>
    <name>WorkEntryDialog</name>
    <message>
        <source>Edit work entry</source>
        <translation>Modifier la saisie de travail</translation>
    </message>
    <message>
        <source>Log work</source>
        <translation>Saisir un temps de travail</translation>
    </message>
    <message>
        <source>e.g. call with the client, workshop, photo shoot</source>
        <translation>p. ex. appel avec le client, atelier, séance photo</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Facturable</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>This time does not exist in that zone.</source>
        <translation>Cette heure n’existe pas dans ce fuseau.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>La fin doit être postérieure au début.</translation>
    </message>
    <message>
        <source>Add a client first (Clients page).</source>
        <translation>Ajoutez d’abord un client (page Clients).</translation>
    </message>
</context>
<context>
    <name>WorkSessionsModel</name>
    <message>
        <source>From</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>{h} h {m:02d}</source>
        <translation>{h}&#xa0;h&#xa0;{m:02d}</translation>
    </message>
</context>
<context>
    <name>WorkSpots</name>
    <message>
        <source>You are in transit then ({place}): no workplace to offer.</source>
        <translation>Vous serez en trajet ({place})&#xa0;: aucun lieu de travail à proposer.</translation>
    </message>
    <message>
        <source>You are at home then, and no home city is set: set it in Settings to see places.</source>
        <translation>Vous serez chez vous et aucune ville de résidence n’est renseignée&#xa0;: indiquez-la dans les Paramètres pour voir des lieux.</translation>
    </message>
    <message>
        <source>No workplace is known near {city}. Add some on the Workplaces page.</source>
        <translation>Aucun lieu de travail connu près de {city}. Ajoutez-en sur la page Lieux de travail.</translation>
    </message>
    <message>
        <source>None of the %n workplace(s) near {city} is open at {time}.</source>
        <translation>Aucun lieu de travail près de {city} (%n au total) n’est ouvert le {time}.</translation>
    </message>
    <message>
        <source>%n of them have opening hours that do not say.</source>
        <translation>Pour %n d’entre eux, les horaires ne permettent pas de le savoir.</translation>
    </message>
</context>
<context>
    <name>WorkSpotsDialog</name>
    <message>
        <source>Where can I work then?</source>
        <translation>Où travailler à ce moment-là&#xa0;?</translation>
    </message>
    <message>
        <source>Fastest first</source>
        <translation>Les plus rapides d’abord</translation>
    </message>
    <message>
        <source>Nearest first</source>
        <translation>Les plus proches d’abord</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Ordre&#xa0;:</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>When this post goes out: {time} your time ({zone}), in {where}.</source>
        <translation>Quand cette publication partira&#xa0;: {time}, votre heure ({zone}), à {where}.</translation>
    </message>
    <message>
        <source>When this post goes out: {time} your time ({zone}).</source>
        <translation>Quand cette publication partira&#xa0;: {time}, votre heure ({zone}).</translation>
    </message>
    <message>
        <source>Open then on each place&apos;s own clock; speeds are the medians of your tests.</source>
        <translation>Ouverts à ce moment-là, à l’heure de chaque lieu&#xa0;; les débits sont les médianes de vos tests.</translation>
    </message>
    <message numerus="yes">
        <source>%n more place(s) nearby have opening hours that do not say.</source>
        <translation>
            <numerusform>Pour %n autre lieu à proximité, les horaires ne permettent pas de le savoir.</numerusform>
            <numerusform>Pour %n autres lieux à proximité, les horaires ne permettent pas de le savoir.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkSpotsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Down (Mbit/s)</source>
        <translation>↓ Mbit/s</translation>
    </message>
    <message>
        <source>Up (Mbit/s)</source>
        <translation>↑ Mbit/s</translation>
    </message>
    <message>
        <source>Open until</source>
        <translation>Ouvert jusqu’à</translation>
    </message>
    <message>
        <source>{km} km</source>
        <translation>{km}&#xa0;km</translation>
    </message>
</context>
<context>
    <name>WorkedHereDialog</name>
    <message>
        <source>Worked at {name}</source>
        <translation>Travail à {name}</translation>
    </message>
    <message>
        <source>e.g. newsletter, community replies</source>
        <translation>p. ex. newsletter, réponses à la communauté</translation>
    </message>
    <message>
        <source>— no client —</source>
        <translation>— aucun client —</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Counted as laptop screen time on the Wellbeing page.</source>
        <translation>Compté comme temps d’écran sur ordinateur sur la page Bien-être.</translation>
    </message>
    <message>
        <source>{h} h {m:02d}</source>
        <translation>{h}&#xa0;h&#xa0;{m:02d}</translation>
    </message>
    <message>
        <source>Choose valid dates, times and zones.</source>
        <translation>Choisissez des dates, heures et fuseaux valides.</translation>
    </message>
</context>
<context>
    <name>Workplaces</name>
    <message>
        <source>{place} ({first} – {last})</source>
        <translation>{place} ({first} – {last})</translation>
    </message>
    <message>
        <source>Places to try in {place}</source>
        <translation>Lieux à tester à {place}</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>Visité</translation>
    </message>
    <message>
        <source>Tested</source>
        <translation>Testé</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>WiFi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Horaires d’ouverture</translation>
    </message>
    <message>
        <source>Median speed</source>
        <translation>Débit médian</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>No place on this checklist yet.</source>
        <translation>Aucun lieu sur cette liste pour l’instant.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>{down} ↓ / {up} ↑ Mbit/s ({count} tests)</source>
        <translation>{down} ↓ / {up} ↑ Mbit/s ({count} tests)</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>non testé</translation>
    </message>
    <message>
        <source>Made with NomadCM</source>
        <translation>Réalisé avec NomadCM</translation>
    </message>
    <message>
        <source>Café</source>
        <translation>Café</translation>
    </message>
    <message>
        <source>Coworking</source>
        <translation>Coworking</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>Hôtel</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Outdoor</source>
        <translation>Plein air</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transports</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Opening hours not known</source>
        <translation>Horaires d’ouverture inconnus</translation>
    </message>
    <message>
        <source>{hours}
Not understood ({error}): treated as unknown</source>
        <translation>{hours}
Non compris ({error})&#xa0;: considérés comme inconnus</translation>
    </message>
    <message>
        <source>Open end: the closing time is not given</source>
        <translation>Heure de fermeture non indiquée</translation>
    </message>
    <message>
        <source>The hours do not say whether it is open</source>
        <translation>Les horaires ne permettent pas de savoir si le lieu est ouvert</translation>
    </message>
    <message>
        <source>Changes {when} ({zone})</source>
        <translation>Prochain changement&#xa0;: {when} ({zone})</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Gratuit</translation>
    </message>
    <message>
        <source>For customers</source>
        <translation>Pour les clients</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payant</translation>
    </message>
</context>
<context>
    <name>WorkplacesPage</name>
    <message>
        <source>All cities</source>
        <translation>Toutes les villes</translation>
    </message>
    <message numerus="yes">
        <source>%n speed test(s)</source>
        <translation>
            <numerusform>%n test de débit</numerusform>
            <numerusform>%n tests de débit</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete {name}?</source>
        <translation>Supprimer {name}&#xa0;?</translation>
    </message>
    <message>
        <source>Its {details} and checklist entries go with it.</source>
        <translation>Ses {details} et ses entrées de liste disparaissent avec lui.</translation>
    </message>
    <message>
        <source>Delete place</source>
        <translation>Supprimer le lieu</translation>
    </message>
    <message>
        <source>Add to a trip</source>
        <translation>Ajouter à un voyage</translation>
    </message>
    <message>
        <source>No stay in your itinerary yet: add your stays on the Travel page first.</source>
        <translation>Aucun séjour dans votre itinéraire pour l’instant&#xa0;: ajoutez d’abord vos séjours sur la page Voyages.</translation>
    </message>
    <message>
        <source>Try {name} during:</source>
        <translation>Tester {name} pendant&#xa0;:</translation>
    </message>
    <message>
        <source>{name} added to the checklist of {stay}</source>
        <translation>{name} ajouté à la liste de {stay}</translation>
    </message>
    <message>
        <source>Import places</source>
        <translation>Importer des lieux</translation>
    </message>
    <message>
        <source>Places (*.geojson *.json *.csv);;GeoJSON (*.geojson *.json);;CSV (*.csv);;All files (*)</source>
        <translation>Lieux (*.geojson *.json *.csv);;GeoJSON (*.geojson *.json);;CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import of {name}</source>
        <translation>Import de {name}</translation>
    </message>
    <message>
        <source>
… and {n} more</source>
        <translation>
… et {n} de plus</translation>
    </message>
    <message>
        <source>To check:</source>
        <translation>À vérifier&#xa0;:</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported</source>
        <translation>Import annulé&#xa0;: rien n’a été importé</translation>
    </message>
    <message>
        <source>Nothing was imported: {n} record(s) need fixing.</source>
        <translation>Rien n’a été importé&#xa0;: {n} enregistrement(s) à corriger.</translation>
    </message>
    <message numerus="yes">
        <source>Export %n place(s)</source>
        <translation>
            <numerusform>Exporter %n lieu</numerusform>
            <numerusform>Exporter %n lieux</numerusform>
        </translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson);;CSV (*.csv)</source>
        <translation>GeoJSON (*.geojson);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>WiFi passwords</source>
        <translation>Mots de passe Wi-Fi</translation>
    </message>
    <message>
        <source>Include the WiFi passwords in the file? Anyone who gets the file can read them.</source>
        <translation>Inclure les mots de passe Wi-Fi dans le fichier&#xa0;? Toute personne qui reçoit le fichier pourra les lire.</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) written to {path}</source>
        <translation>
            <numerusform>%n lieu écrit dans {path}</numerusform>
            <numerusform>%n lieux écrits dans {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkplacesPageView</name>
    <message>
        <source>Workplaces</source>
        <translation>Lieux de travail</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <source>Trip checklists</source>
        <translation>Listes par voyage</translation>
    </message>
    <message>
        <source>New place</source>
        <translation>Nouveau lieu</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Speed test…</source>
        <translation>Test de débit…</translation>
    </message>
    <message>
        <source>Worked here…</source>
        <translation>J’ai travaillé ici…</translation>
    </message>
    <message>
        <source>Add to a trip…</source>
        <translation>Ajouter à un voyage…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>GeoJSON or Overpass JSON from OpenStreetMap, or a places CSV</source>
        <translation>GeoJSON ou JSON Overpass d’OpenStreetMap, ou un CSV de lieux</translation>
    </message>
    <message>
        <source>Search names, addresses, notes</source>
        <translation>Rechercher dans les noms, adresses, notes</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoris</translation>
    </message>
    <message>
        <source>Minimum download speed</source>
        <translation>Débit descendant minimum</translation>
    </message>
    <message>
        <source>Power outlets at least</source>
        <translation>Prises électriques, au moins</translation>
    </message>
    <message>
        <source>Quiet at least</source>
        <translation>Calme, au moins</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>N’importe quand</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Ouvert maintenant</translation>
    </message>
    <message>
        <source>Open at…</source>
        <translation>Ouvert à…</translation>
    </message>
    <message>
        <source>On each place&apos;s own clock: 10:00 in Lisbon means 10:00 Lisbon time</source>
        <translation>À l’heure locale de chaque lieu&#xa0;: 10&#xa0;h à Lisbonne signifie 10&#xa0;h, heure de Lisbonne</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Ouverts seulement</translation>
    </message>
    <message>
        <source>Open or unknown</source>
        <translation>Ouverts ou inconnus</translation>
    </message>
    <message>
        <source>Unknown: no opening hours, hours not understood, a comment such as “on request”, or an open end (17:00+). Unknown is never counted as open.</source>
        <translation>Inconnu&#xa0;: pas d’horaires, horaires non compris, un commentaire comme «&#xa0;sur demande&#xa0;» ou une heure de fermeture non indiquée (17:00+). Un lieu inconnu n’est jamais compté comme ouvert.</translation>
    </message>
    <message>
        <source>Places to list at that time</source>
        <translation>Lieux à afficher à ce moment-là</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Download ≥</source>
        <translation>Débit descendant ≥</translation>
    </message>
    <message>
        <source>Power ≥</source>
        <translation>Prises ≥</translation>
    </message>
    <message>
        <source>Quiet ≥</source>
        <translation>Calme ≥</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Annuler l’import</translation>
    </message>
    <message>
        <source>any</source>
        <translation>indifférent</translation>
    </message>
    <message>
        <source>{n} Mbit/s</source>
        <translation>{n} Mbit/s</translation>
    </message>
    <message>
        <source>any speed</source>
        <translation>tout débit</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n lieu</numerusform>
            <numerusform>%n lieux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) shown of {total}</source>
        <translation>
            <numerusform>%n lieu affiché sur {total}</numerusform>
            <numerusform>%n lieux affichés sur {total}</numerusform>
        </translation>
    </message>
    <message>
        <source>No workplace yet. Add the cafés, coworkings and libraries where you work, or import an OpenStreetMap extract (GeoJSON or Overpass JSON) of a city.</source>
        <translation>Pas encore de lieu de travail. Ajoutez les cafés, coworkings et bibliothèques où vous travaillez, ou importez un extrait OpenStreetMap (GeoJSON ou JSON Overpass) d’une ville.</translation>
    </message>
    <message>
        <source>No place matches these filters.</source>
        <translation>Aucun lieu ne correspond à ces filtres.</translation>
    </message>
</context>
<context>
    <name>ZoneHintLabel</name>
    <message>
        <source>Did you mean {zones}?</source>
        <translation>Vouliez-vous dire {zones}&#xa0;?</translation>
    </message>
</context>
<context>
    <name>ZonePicker</name>
    <message>
        <source>Zone or city, e.g. Europe/Paris</source>
        <translation>Fuseau ou ville, p. ex. Europe/Paris</translation>
    </message>
    <message>
        <source>{zone}: now {abbr}, {offset}</source>
        <translation>{zone}&#xa0;: actuellement {abbr}, {offset}</translation>
    </message>
    <message>
        <source>Type a time zone (Europe/Paris) or part of one (paris)</source>
        <translation>Saisissez un fuseau horaire (Europe/Paris) ou une partie (paris)</translation>
    </message>
</context>
<context>
    <name>ZonedDateTimeEdit</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>“{text}” is not a time zone: pick one from the list.</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas un fuseau horaire&#xa0;: choisissez-en un dans la liste.</translation>
    </message>
    <message>
        <source>Choose a time zone.</source>
        <translation>Choisissez un fuseau horaire.</translation>
    </message>
    <message>
        <source>{time} does not exist in {zone} on {day}: the clocks jump from {start} to {end}. The first valid time is {end}.</source>
        <translation>{time} n’existe pas dans le fuseau {zone} le {day}&#xa0;: on passe directement de {start} à {end}. La première heure valide est {end}.</translation>
    </message>
    <message>
        <source>Use {end}</source>
        <translation>Utiliser {end}</translation>
    </message>
    <message>
        <source>{time} happens twice in {zone} on {day} (the clocks go back from {start} to {end}). Which one do you mean?</source>
        <translation>{time} arrive deux fois dans le fuseau {zone} le {day} (on recule de {start} à {end}). Laquelle voulez-vous dire&#xa0;?</translation>
    </message>
    <message>
        <source>The first one ({abbr}, {utc} UTC)</source>
        <translation>La première ({abbr}, {utc} UTC)</translation>
    </message>
    <message>
        <source>The second one, an hour later ({abbr}, {utc} UTC)</source>
        <translation>La deuxième, une heure plus tard ({abbr}, {utc} UTC)</translation>
    </message>
</context>
</TS>
