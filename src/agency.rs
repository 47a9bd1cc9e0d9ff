#![forbid(unsafe_code)]
//! Wire services and broadcasters that credit a story.

/// A news agency or broadcaster credited by a dateline marker, a lead-in or a sign-off.
///
/// Known services have their own variant and serialise to the canonical
/// names (`AP`, `Reuters`, `PR Newswire`, ...); any other is kept as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Agency<'a> {
    /// The Associated Press.
    Ap,
    /// Reuters (and the 1980s sign-off `Reuter`).
    Reuters,
    /// United Press International.
    Upi,
    /// Agence France-Presse.
    Afp,
    /// Xinhua News Agency.
    Xinhua,
    /// Cable News Network.
    Cnn,
    /// Bloomberg News.
    Bloomberg,
    /// NEWSER.
    Newser,
    /// PR Newswire.
    PrNewswire,
    /// Business Wire.
    BusinessWire,
    /// GlobeNewswire.
    GlobeNewswire,
    /// ACCESSWIRE.
    Accesswire,
    /// The Canadian Press.
    CanadianPress,
    /// Deutsche Presse-Agentur.
    Dpa,
    /// Kyodo News.
    Kyodo,
    /// Yonhap News Agency.
    Yonhap,
    /// Press Trust of India.
    Pti,
    /// Indo-Asian News Service.
    Ians,
    /// TASS.
    Tass,
    /// Interfax.
    Interfax,
    /// Agencia EFE.
    Efe,
    /// ANSA.
    Ansa,
    /// Any other service, as written in the text.
    Other(&'a str),
}

impl<'a> Agency<'a> {
    /// The canonical name: `AP`, `Reuters`, `UPI`, ...; for [`Agency::Other`] the text as written.
    pub fn name(&self) -> &'a str {
        match *self {
            Agency::Ap => "AP",
            Agency::Reuters => "Reuters",
            Agency::Upi => "UPI",
            Agency::Afp => "AFP",
            Agency::Xinhua => "Xinhua",
            Agency::Cnn => "CNN",
            Agency::Bloomberg => "Bloomberg",
            Agency::Newser => "NEWSER",
            Agency::PrNewswire => "PR Newswire",
            Agency::BusinessWire => "Business Wire",
            Agency::GlobeNewswire => "GlobeNewswire",
            Agency::Accesswire => "ACCESSWIRE",
            Agency::CanadianPress => "Canadian Press",
            Agency::Dpa => "dpa",
            Agency::Kyodo => "Kyodo",
            Agency::Yonhap => "Yonhap",
            Agency::Pti => "PTI",
            Agency::Ians => "IANS",
            Agency::Tass => "TASS",
            Agency::Interfax => "Interfax",
            Agency::Efe => "EFE",
            Agency::Ansa => "ANSA",
            Agency::Other(name) => name,
        }
    }

    /// Recognises a known service from the way it is written in a marker
    /// (`AP`, `Reuters`, `Reuter`, `PRNewswire`, `BUSINESS WIRE`, `Xinhua`, ...).
    ///
    /// Returns `None` for a name that is not a known service.
    ///
    /// ```
    /// use newsparse::Agency;
    /// assert_eq!(Agency::known("PRNewswire"), Some(Agency::PrNewswire));
    /// assert_eq!(Agency::known("Associated Press"), Some(Agency::Ap));
    /// assert_eq!(Agency::known("Daily Planet"), None);
    /// ```
    pub fn known(written: &str) -> Option<Agency<'static>> {
        let w = crate::ascii::trim(written);
        let eq = |s: &str| w.eq_ignore_ascii_case(s);
        let agency = if eq("AP") || eq("Associated Press") || eq("The Associated Press") {
            Agency::Ap
        } else if eq("Reuters") || eq("Reuter") || eq("Thomson Reuters") {
            Agency::Reuters
        } else if eq("UPI") || eq("United Press International") {
            Agency::Upi
        } else if eq("AFP") || eq("Agence France-Presse") || eq("Agence France Presse") {
            Agency::Afp
        } else if eq("Xinhua") || eq("Xinhua News Agency") {
            Agency::Xinhua
        } else if eq("CNN") {
            Agency::Cnn
        } else if eq("Bloomberg") || eq("Bloomberg News") {
            Agency::Bloomberg
        } else if eq("NEWSER") {
            Agency::Newser
        } else if eq("PRNewswire") || eq("PR Newswire") || eq("PRNewswire-FirstCall") {
            Agency::PrNewswire
        } else if eq("BUSINESS WIRE") || eq("BusinessWire") {
            Agency::BusinessWire
        } else if eq("GLOBE NEWSWIRE") || eq("GlobeNewswire") {
            Agency::GlobeNewswire
        } else if eq("ACCESSWIRE") {
            Agency::Accesswire
        } else if eq("CP") || eq("Canadian Press") || eq("The Canadian Press") {
            Agency::CanadianPress
        } else if eq("dpa") {
            Agency::Dpa
        } else if eq("Kyodo") || eq("Kyodo News") {
            Agency::Kyodo
        } else if eq("Yonhap") {
            Agency::Yonhap
        } else if eq("PTI") || eq("Press Trust of India") {
            Agency::Pti
        } else if eq("IANS") {
            Agency::Ians
        } else if eq("TASS") || eq("ITAR-TASS") {
            Agency::Tass
        } else if eq("Interfax") {
            Agency::Interfax
        } else if eq("EFE") {
            Agency::Efe
        } else if eq("ANSA") {
            Agency::Ansa
        } else {
            return None;
        };
        Some(agency)
    }
}

impl std::fmt::Display for Agency<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Agency<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_round_trip_to_canonical_names() {
        assert_eq!(Agency::known("reuter").map(|a| a.name()), Some("Reuters"));
        assert_eq!(
            Agency::known("BUSINESS WIRE").map(|a| a.name()),
            Some("Business Wire")
        );
        assert_eq!(Agency::known("Xinhua").map(|a| a.name()), Some("Xinhua"));
        assert_eq!(Agency::Other("MCT").name(), "MCT");
        assert_eq!(Agency::known("Planet"), None);
    }
}
