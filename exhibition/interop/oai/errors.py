"""The protocol's error conditions, raised by the verbs and answered as ``<error>``."""

BAD_ARGUMENT = "badArgument"
BAD_RESUMPTION_TOKEN = "badResumptionToken"
BAD_VERB = "badVerb"
CANNOT_DISSEMINATE_FORMAT = "cannotDisseminateFormat"
ID_DOES_NOT_EXIST = "idDoesNotExist"
NO_RECORDS_MATCH = "noRecordsMatch"
NO_METADATA_FORMATS = "noMetadataFormats"

# After these the response echoes no arguments (OAI-PMH 2.0, section 3.2).
ECHO_NOTHING = {BAD_ARGUMENT, BAD_VERB}


class OAIError(Exception):
    """One protocol error. Messages are for harvesters' logs, so they stay in
    English like the protocol itself rather than following a visitor's language."""

    def __init__(self, code, message):
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")


def bad_argument(message):
    return OAIError(BAD_ARGUMENT, message)
