from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "oversight.funding"
    label = "funding"
    verbose_name = "Improvement funding"

    def ready(self) -> None:
        # plans imports funding files uploaded on the funding page without importing this app
        from oversight.funding.appendix import funding_appendix
        from oversight.funding.funding_file import FUNDING_COLUMNS
        from oversight.funding.funding_import import import_uploaded, paying_for
        from oversight.plans import action_funding, file_kinds, paper_appendices, uploads

        action_funding.register(paying_for)
        paper_appendices.offer(
            paper_appendices.Offer(
                "funding",
                "The improvement funding table",
                "Each funding line's budget beside its spend or what is committed, year by year, in £'000",
                funding_appendix,
            )
        )
        uploads.register_importer("funding", import_uploaded)
        file_kinds.register(
            file_kinds.FileKind(
                "funding",
                "a file of improvement funding",
                "use 'Import funding' on the Funding page",
                FUNDING_COLUMNS,
            )
        )
