<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About NomadCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan your clients&apos; posts in their audience&apos;s time zone, wherever you are working from, and keep an eye on your screen time and rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the sample database: your own data is elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs and crash reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything stays on this computer: NomadCM sends nothing anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licences and credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Licences and credits&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder of {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City names, coordinates and time zones: {geonames}, licensed under {licence}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workplace imports read OpenStreetMap data, © OpenStreetMap contributors ({licence}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NomadCM is free software under the MIT licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python {version}, PSF licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” for {client}: which of these are fine? They will stop being flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This post repeats: every occurrence is acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why, e.g. the network publishes it by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one conflict.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddPlacesDialog</name>
    <message>
        <source>Add places to try in {city}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show places in other cities too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other place known in {city}. Add one on the Places tab, or import an OpenStreetMap extract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {down} Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>NomadCM cannot open its database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} cannot be used.

{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NomadCM is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NomadCM is already open on {path} but does not answer. Close it (or end it from the task manager), then open NomadCM again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppTableModel</name>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the foreground</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreakDialog</name>
    <message>
        <source>Time for a break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{worked} minutes of screen time: time for a {minutes}-minute break. Stand up, look far away, move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{worked} minutes of screen time: time for a {minutes}-minute break. Look away from the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the break now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postpone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break: {m}:{s:02d} left. Screen timers are paused and start again when you&apos;re back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break over. Welcome back!</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreakReminder</name>
    <message>
        <source>Today&apos;s screen time is {total}, past your daily limit of {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>&amp;Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which clock the calendar shows: yours (from your itinerary) or an audience&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time shown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My time (itinerary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zone} — {clients}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your first client on the Clients page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a repeating post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to which occurrences?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: choose which occurrences to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit repeating post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That time does not exist on the new day (clocks jump forward): moved to {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post moved — Ctrl+Z puts it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete a repeating post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete which occurrences?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted — Ctrl+Z brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>{time} {abbr} in {zone} (the post&apos;s zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} does not exist that day (clocks jump forward): it goes out at {moved}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message>
        <source>Edit channel of {client}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New channel for {client}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>@account, page name or list (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text &amp;limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A channel keeps its network; add a new channel instead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelsModel</name>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily: screens above, rest below. Weekly: totals per week. Rest: nights, daily and weekly rest against the goals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen time and rest per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest against the goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screens ↑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rest ↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longest rest in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily screen limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekly screen limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily rest goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screen time per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleep per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nights under the sleep goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days without the daily rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weeks without the weekly rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing logged in this period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down (Mbit/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Add places…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printable page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stay in your itinerary yet. Add your stays on the Travel page to prepare a checklist per trip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to try in {city} yet: “Add places…” lists the ones you know there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workplace with WiFi known in {city} yet. Add one, or import an OpenStreetMap extract of the city, before you go: posts during this stay are flagged “no WiFi”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the checklist as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a printable page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the checklist as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places to try in {city}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CityField</name>
    <message>
        <source>City, e.g. Montréal or Lisboa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{city} — {zone}, {people} people</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>Edit client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Boulangerie Dupont</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts, tone of voice, what to avoid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(audience time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;lour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prime hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the client a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the time zone their audience lives in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>Your first client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who do you publish for? Their audience&apos;s city sets the time zone of their posts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience &amp;city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience time &amp;zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Boulangerie Dupont</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the name empty to skip: you can add clients later on the Clients page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientsModel</name>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their time now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client yet. A client has an audience in one time zone and posts on a few channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience in {zone} — it is {time} {abbr} there now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prime hours: {hours} (their time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country: {country}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) planned</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Client {name} added. Now add the channels you post on for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{name} has %n planned post(s). Deleting the client deletes their channels and all these posts. This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete {name} and their channels?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client {name} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The channel {channel} has %n post(s). Deleting it deletes these posts too. This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the channel {channel}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel {channel} deleted ({posts} posts).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Client colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Your time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Show acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark these conflicts as fine, e.g. when the network publishes by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this post&apos;s acknowledgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts in these dates: every post goes out while you are awake and working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) with conflicts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>NomadCM — unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong that NomadCM did not expect. Your data is safe: every change is saved as soon as you make it. You can keep working, or restart NomadCM if something looks odd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This report was saved in {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be saved to the log folder; copy it from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayCanvas</name>
    <message>
        <source>Day overlap view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience: {time} {abbr} ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You: {time} {abbr} ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scheduled ({status})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayTableModel</name>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>◀ Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next day ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audience prime hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post with a conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{day}: {where}, a day of {length}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with conflicts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DesktopShell</name>
    <message>
        <source>Screen timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language shows once NomadCM restarts. Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Edit entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add screen time or rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— no client —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. moderation, visuals, reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zone follows your itinerary: where you were at that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time does not exist in that zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryTableModel</name>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client / quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>NomadCM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export schedule as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For Excel in French (semicolons, UTF-8 with BOM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) will be exported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {count} posts to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to NomadCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalsDialog</name>
    <message>
        <source>Wellbeing goals and reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep per night (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest in a row each day (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest in a row each week (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen time per day, at most (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen time per week, at most (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When your day starts: later screen time counts for the day before (default 04:00, as ActivityWatch and Workrave).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break reminders while a screen timer runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me to take breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short break every (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short break length (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long break every (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long break length (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postpone by (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn when today&apos;s screen time passes the daily limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover a field to see where its default comes from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adults need at least 7 hours of sleep a night (American Academy of Sleep Medicine and Sleep Research Society consensus, 2015). A night counts for the day you wake up. 0 turns it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 11 consecutive hours of rest in each day (EU working-time directive 2003/88/EC, article 3). Rest is time away from screens or logged as rest. 0 turns it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One uninterrupted rest of 24 hours in each 7 days (EU working-time directive 2003/88/EC, article 5). 0 turns it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your daily screen-time limit, all screens together (default 8 h).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your weekly screen-time limit, all screens together (default 40 h).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off by default. Reminders only run while a screen timer runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK HSE advice for screen work: short, frequent breaks, e.g. 5-10 minutes after 50-60 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of a short break (UK HSE: 5-10 minutes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A longer break replaces the short one at this interval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of a long break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long &apos;Postpone&apos; waits before asking again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once a day, when a running timer passes your daily limit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Where is home?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside your stays and trips NomadCM counts you at home: “your time” is home time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home &amp;city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home time zone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import schedule from CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New channels were added: {channels}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n post(s) from {name}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported from {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} rows have problems (the header is line 1). Fix them in the file and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped on an unexpected error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NomadCM CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hootsuite bulk file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sprout Social bulk file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publer bulk file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day first (31/12/2026)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month first (12/31/2026)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Posts for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are in &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a client and a channel first: the file names none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no post.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported: fix them in the file, then preview again. Nothing is written until every row is good.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) ready to import.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItineraryModel</name>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sample data — {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database NomadCM is working on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New post…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export schedule as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import schedule from CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to &amp;your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the sample data and open your own database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore the &amp;sample data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A realistic month in a separate database; yours is not touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Welcome assistant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About NomadCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{page} — {app} (sample data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NomadCM is still running: reminders and timers go on. Quit from the tray menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>+{count} more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Occurrences</name>
    <message>
        <source>Only these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These and following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This and following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n changed occurrence(s) no longer fit the new pattern and were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>third</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fourth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fifth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second-to-last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#{n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#{n} from the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day {n} from the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every %n day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{every}, on {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every weekday (Monday to Friday)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every %n week(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{every} on {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every %n month(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {ordinal} {weekday}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{every} on {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rule}, {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rule}, until {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} does not exist on {day} in {zone} (the clocks jump forward): this occurrence goes out at {moved}, just after the jump.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workplaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <source>Edit place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Copenhagen Coffee Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. PT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (from the coordinates or the city)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WiFi password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. one coffee, 15 € a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WiFi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network (SSID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenStreetMap syntax, e.g. Mo-Fr 08:00-18:00; Sa 09:00-13:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your scores (0 to 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WiFi reliability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power outlets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comfort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price (5 = cheap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Food or coffee on site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best table near the window, loud at lunch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: {zone} ({source})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: not known — give the coordinates, a known city or a zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known: the place is never listed as open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not understood ({error}). Kept as typed; the place is treated as of unknown hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Understood. Give a zone to know if it is open now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} now ({time} there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, until {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown time zone {zone!r}: pick one from the list, or clear it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give both the latitude and the longitude, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a speed test…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No speed test yet. Run one (speedtest, fast.com, nPerf) and add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median {down} Mbit/s down, {up} up over {count} test(s); the latest {age}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete speed test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the test of {when} ({down} Mbit/s down)? Use this for a mistaken measurement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, {h} h {m:02d} in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete work session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this work session? It leaves your screen time too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlacesModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down (Mbit/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up (Mbit/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WiFi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comfort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median download of the speed tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median upload of the speed tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many speed tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WiFi reliability, 0 to 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power outlets, 0 to 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet, 0 to 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comfort, 0 to 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price, 0 (dear) to 5 (cheap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open now, on the place&apos;s own clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>? hours not understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} test(s), the latest on {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <source>Edit post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will the post say?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>launch, promo (separated by commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes for yourself (not published)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a client on the Clients page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{client} has no channel yet: add one on the Clients page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a client and one of its channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the text of the post.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is over the {limit}-character limit of {network}: shorten it or save it as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link must be a web address starting with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the date and time above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} / {limit} — {over} over the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} / {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zone}, in transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= {cm_time} your time ({where}), {utc_time} UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} happens twice that night; the {which} occurrence is used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviousCrashDialog</name>
    <message>
        <source>NomadCM closed unexpectedly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last time, NomadCM stopped without warning. Your data is safe: every change was saved as you made it. If you report the problem, include the details below; they contain no posts or personal data, only where the program was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report is saved in {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <source>Posting slots (queue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Mo-Fr 09:00,18:00; Sa 10:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New post in the next free slot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Slots:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a client and a channel first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times in the audience&apos;s zone: {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No slot yet: type the weekly times above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n free slot(s) in the next two weeks.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecurrenceEditor</name>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An RFC 5545 rule: FREQ=DAILY, WEEKLY or MONTHLY; INTERVAL, BYDAY (MO…SU, 1MO, -1FR), BYMONTHDAY, COUNT or UNTIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>times in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every weekday (Monday to Friday)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every week on {weekday}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every month on day {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a rule, e.g. FREQ=WEEKLY;BYDAY=MO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next occurrences (audience time → your time):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} does not exist on {day} (clocks jump forward): it goes out at {moved}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} happens twice on {day} (clocks go back): the first one is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rule gives no occurrence from the chosen date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderPopup</name>
    <message>
        <source>Posts to publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snooze {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} — {client}, {channel}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} in the audience&apos;s zone ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) to publish by hand. Copy the text, publish it, then mark it published.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RhythmDialog</name>
    <message>
        <source>Your rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days and hours, several rules separated by &apos;;&apos;, e.g. “Mo-Th 09:00-17:00; Fr 09:00-12:00”. Days: Mo Tu We Th Fr Sa Su (or Lu Ma Me Je Ve Sa Di). “off”: no working hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These follow you: wherever your itinerary puts you, they are read on the local clock there. Outside stays and transits you are at home.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your home time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Asleep from {start} to {end}, %n hour(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RhythmPage</name>
    <message>
        <source>Asleep {sleep}; working {work}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A start and an end must differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts planned while you sleep or outside your working hours are flagged, wherever you are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bedtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wake-up time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start of the working day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the working day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleData</name>
    <message>
        <source>Preparing a month of sample data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>Audience time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the post goes out, in the zone it was planned in (the client&apos;s audience)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same moment on your clock, wherever your itinerary puts you then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same moment in UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts going out while you sleep, travel, are off, or on a public holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First line of the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mark} Repeats: {rule}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mark} One occurrence of a repeating post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This occurrence was changed on its own; the rest of the series was not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in transit from {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} — {zone}, {where}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Search the text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From today on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates are the audience&apos;s local dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan a new post (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected posts (Del); Ctrl+Z brings them back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} posts shown — scroll for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} posts shown — scroll for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome! Start by adding a client and their channels, then plan their posts here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No post matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No post planned yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan a post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A post is for a client&apos;s channel. Add your first client on the Clients page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a repeating post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to which occurrences?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: choose which occurrences to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit repeating post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post saved — Ctrl+Z puts it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post saved; the filters hide it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) deleted — Ctrl+Z brings them back.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete which occurrences of this repeating post?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n occurrence(s) of repeating posts are selected. Delete only these, these and the following ones, or every occurrence of their series?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n single post(s) selected will be deleted too.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete a repeating post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>delete %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted — Ctrl+Z brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status set to {status} on the selected occurrences only; the rest of their series keeps its own — Ctrl+Z puts it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set status (these occurrences only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A repeating post&apos;s occurrence gets the status alone; its other occurrences keep theirs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleUndo</name>
    <message>
        <source>new post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>post edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete {count} posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreenTimerWidget</name>
    <message>
        <source>Device to time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client of this screen time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen timer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home and rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wellbeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language shows the next time NomadCM starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day of the week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First day of the week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Paris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home &amp;city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window keeps NomadCM running in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post reminders and screen timers keep running while the window is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits NomadCM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me when a post is due, so I can publish it by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes before a post is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts missed while NomadCM was closed are listed at the next start. Nothing is ever published for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your home time zone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlotTableModel</name>
    <message>
        <source>Audience time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(moved by DST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeedChart</name>
    <message>
        <source>Speed tests over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median: {down} down, {up} up (Mbit/s), over {count} test(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No speed test yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mbit/s over time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeedTestDialog</name>
    <message>
        <source>Speed test at {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests are never overwritten: the place shows the median of all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a valid date, time and zone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeedTestsModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down (Mbit/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up (Mbit/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ping (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured with</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StayDialog</name>
    <message>
        <source>Edit stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the city you stay in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the time zone of {city}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stay overlaps {place} ({first} – {last}) by {days} days: two stays may share only one day, the day you travel between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s), from {start} to {end} (your clock follows {zone}).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimerController</name>
    <message>
        <source>The {device} timer ran for more than 24 hours and was not logged: add the real screen time with Add…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransitDialog</name>
    <message>
        <source>Edit transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight number, booking reference…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departure (local time there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival (local time there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type where you leave from and where you arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the departure and arrival times above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arrival ({arrive}) is not after the departure ({depart}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This overlaps your {kind} {route} ({depart} – {arrive}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaves {depart}, arrives {arrive}: {length} on the way. Until you arrive, your clock stays on {zone}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Travel</name>
    <message>
        <source>{line} — acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TravelPage</name>
    <message>
        <source>Travel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rhythm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep window, working hours and home time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To look at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trip yet. Add the places you stay in and the transits between them: every “your time” in NomadCM then follows you, and posts that fall while you sleep or travel are flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>To look at (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>in transit from {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now you are {place}: it is {time} {abbr} ({zone}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in the day view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay in {place} added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transit {route} added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay in {place} deleted (Ctrl+Z brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transit {route} deleted (Ctrl+Z brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TravelUndo</name>
    <message>
        <source>new stay in {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change stay in {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete stay in {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new transit {route}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change transit {route}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete transit {route}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledge conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open NomadCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit NomadCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing more to publish today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} · {client}, {network}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{post} (draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: {time} {client}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post to publish at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{client}, {network}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TripTimeline</name>
    <message>
        <source>Trip timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{place}: {first} – {last} ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} {route}, {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>Discard your changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You changed this form without saving it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you close it now, what you typed is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to NomadCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NomadCM plans your clients&apos; posts in their audience&apos;s time zone, follows you from city to city, and keeps an eye on your screen time and rest. A few questions and you are ready; everything can be changed later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore with sample data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A realistic month: three clients in Paris, Montréal and Antananarivo, a trip, workplaces and screen time — in a separate database. Your own data is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wellbeing</name>
    <message>
        <source>Laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline, with people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ActivityWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep as Android</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worked at a place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h {m:02d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slept {value}, under the {goal} sleep goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest rest {value}, under {goal} in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen time {value}, over the {goal} daily limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week&apos;s screen time reached {value}, over the {goal} weekly limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {goal} rest this week (longest {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n short night(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n day(s) short of daily rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n day(s) over the screen limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly screen limit passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No full day of rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen timers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WellbeingImportDialog</name>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) need fixing first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped on an unexpected error; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WellbeingPage</name>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log screen time or rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ActivityWatch export (JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the running ActivityWatch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep as Android (sleep-export.csv)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV: start, end, kind, device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all goals kept so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ActivityWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which screen does this ActivityWatch track?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an ActivityWatch export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from ActivityWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the running ActivityWatch server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Sleep as Android nights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from Sleep as Android</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import screen time and rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WellbeingUndo</name>
    <message>
        <source>add screen time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkSessionsModel</name>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h {m:02d}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkedHereDialog</name>
    <message>
        <source>Worked at {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. newsletter, community replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— no client —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted as laptop screen time on the Wellbeing page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h {m:02d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose valid dates, times and zones.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workplaces</name>
    <message>
        <source>{place} ({first} – {last})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places to try in {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WiFi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No place on this checklist yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{down} ↓ / {up} ↑ Mbit/s ({count} tests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made with NomadCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Café</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coworking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outdoor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours}
Not understood ({error}): treated as unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes {when} ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkplacesPage</name>
    <message>
        <source>Workplaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trip checklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed test…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to a trip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GeoJSON or Overpass JSON from OpenStreetMap, or a places CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names, addresses, notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum download speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power outlets at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open at…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On each place&apos;s own clock: 10:00 in Lisbon means 10:00 Lisbon time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download ≥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power ≥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet ≥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workplace yet. Add the cafés, coworkings and libraries where you work, or import an OpenStreetMap extract (GeoJSON or Overpass JSON) of a city.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No place matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n speed test(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its {details} and checklist entries go with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to a trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stay in your itinerary yet: add your stays on the Travel page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try {name} during:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} added to the checklist of {stay}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places (*.geojson *.json *.csv);;GeoJSON (*.geojson *.json);;CSV (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
… and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To check:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: {n} record(s) need fixing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Export %n place(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WiFi passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include the WiFi passwords in the file? Anyone who gets the file can read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) written to {path}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ZonePicker</name>
    <message>
        <source>Zone or city, e.g. Europe/Paris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zone}: now {abbr}, {offset}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a time zone (Europe/Paris) or part of one (paris)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZonedDateTimeEdit</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a time zone: pick one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} does not exist in {zone} on {day}: the clocks jump from {start} to {end}. The first valid time is {end}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} happens twice in {zone} on {day} (the clocks go back). Which one do you mean?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first one ({abbr}, {utc} UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second one, an hour later ({abbr}, {utc} UTC)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
